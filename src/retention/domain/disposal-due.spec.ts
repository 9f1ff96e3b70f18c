import { describe, expect, it } from '@jest/globals';
import { disposalDueOn } from './disposal-due.ts';

describe('disposal due date', () => {
  it('counts whole months from the day of closure, keeping to the later month\'s last day', () => {
    expect(disposalDueOn('2020-03-15', 72)).toBe('2026-03-15');
    expect(disposalDueOn('2026-01-31', 1)).toBe('2026-02-28');
    expect(disposalDueOn('2023-12-31', 2)).toBe('2024-02-29');
  });
});
