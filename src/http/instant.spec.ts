import { describe, expect, it } from '@jest/globals';
import { londonDate } from '../calendar/working-days.ts';
import { asOfBound, fromBound, londonDayStart, rangeOf, toBound } from './instant.ts';
import { ValidationFailed } from './problem.ts';

describe('query bounds in days of England', () => {
  const justBefore = (instant: Date) => new Date(instant.getTime() - 1);

  it.each(['2026-07-01', '2026-12-04', '2026-03-29', '2026-10-25'])('a day begins at the first instant whose London date is %s', (day) => {
    const start = londonDayStart(day);
    expect(londonDate(start)).toBe(day);
    expect(londonDate(justBefore(start))).not.toBe(day);
  });

  it('a date-only range covers the whole London day, from its first instant to the next day\'s', () => {
    expect(fromBound('2026-07-01')).toEqual(londonDayStart('2026-07-01'));
    expect(londonDate(justBefore(toBound('2026-07-01')))).toBe('2026-07-01');
    expect(londonDate(toBound('2026-07-01'))).toBe('2026-07-02');
    expect(londonDate(asOfBound('2026-07-01'))).toBe('2026-07-01');
    expect(asOfBound('2026-07-01T10:00:00Z')).toEqual(new Date('2026-07-01T10:00:00Z'));
  });

  it('refuses a `to` before `from`, naming `to`, and takes the same day or an instant within it', () => {
    expect(() => rangeOf('2026-12-04', '2026-12-03')).toThrow(ValidationFailed);
    expect(() => rangeOf('2026-12-04T10:00:00Z', '2026-12-04T09:00:00Z')).toThrow(ValidationFailed);
    expect(rangeOf('2026-12-04', '2026-12-04').to).toEqual(londonDayStart('2026-12-05'));
    expect(rangeOf('2026-12-04', '2026-12-04T10:00:00Z').to).toEqual(new Date('2026-12-04T10:00:00Z'));
  });
});
