import { describe, expect, it } from '@jest/globals';
import { ValidationFailed } from './problem.ts';
import { quarterOf, reportPeriod } from './report-period.ts';

describe('report periods', () => {
  it('defaults to the quarter the day falls in, in England', () => {
    expect(quarterOf('2026-02-28')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(quarterOf('2026-04-01')).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(quarterOf('2026-12-31')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    // 23:30 UTC on 30 June is already 1 July in London.
    expect(reportPeriod({}, new Date('2026-06-30T23:30:00Z'))).toEqual({ from: '2026-07-01', to: '2026-09-30' });
  });

  it('fills in only the end left out, and refuses a period that ends before it starts', () => {
    const now = new Date('2026-08-10T12:00:00Z');
    expect(reportPeriod({ from: '2026-01-01' }, now)).toEqual({ from: '2026-01-01', to: '2026-09-30' });
    expect(reportPeriod({ to: '2026-07-31' }, now)).toEqual({ from: '2026-07-01', to: '2026-07-31' });
    expect(() => reportPeriod({ from: '2026-10-01' }, now)).toThrow(ValidationFailed);
  });
});
