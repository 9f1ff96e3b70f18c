import { describe, expect, it } from '@jest/globals';
import { nextContactDue } from './contact-schedule.ts';

describe('nextContactDue', () => {
  it('steps weekly and fortnightly by days, across a month end', () => {
    expect(nextContactDue('2026-01-28T10:00:00.000Z', 'weekly')).toBe('2026-02-04T10:00:00.000Z');
    expect(nextContactDue('2026-12-24T09:30:00.000Z', 'fortnightly')).toBe('2027-01-07T09:30:00.000Z');
  });

  it('steps monthly by calendar month, clamped to the last day', () => {
    expect(nextContactDue('2026-03-15T10:00:00.000Z', 'monthly')).toBe('2026-04-15T10:00:00.000Z');
    expect(nextContactDue('2026-01-31T10:00:00.000Z', 'monthly')).toBe('2026-02-28T10:00:00.000Z');
    expect(nextContactDue('2028-01-31T10:00:00.000Z', 'monthly')).toBe('2028-02-29T10:00:00.000Z');
  });
});
