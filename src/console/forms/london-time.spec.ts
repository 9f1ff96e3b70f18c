import { describe, expect, it } from '@jest/globals';
import { londonLocalNow, londonLocalToInstant } from './london-time.ts';

describe('times typed in the console', () => {
  it('are times in England, sent with its offset in winter and in summer', () => {
    expect(londonLocalToInstant('2026-12-04T09:15')).toBe('2026-12-04T09:15:00+00:00');
    expect(londonLocalToInstant('2026-07-01T09:15:30')).toBe('2026-07-01T09:15:30+01:00');
    expect(new Date(londonLocalToInstant('2026-03-29T03:30')).toISOString()).toBe('2026-03-29T02:30:00.000Z');
  });

  it('pass anything else on as typed, for the API to name what is wrong', () => {
    expect(londonLocalToInstant('yesterday')).toBe('yesterday');
  });

  it('default to now in England, to the second', () => {
    expect(londonLocalNow(new Date('2026-07-01T08:15:30Z'))).toBe('2026-07-01T09:15:30');
  });
});
