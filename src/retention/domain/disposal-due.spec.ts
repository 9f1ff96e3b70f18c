import { describe, expect, it } from '@jest/globals';
import { addDays } from '../../calendar/working-days.ts';
import { disposalDueOn, lastClosedDayDueBy } from './disposal-due.ts';

describe('disposal due date', () => {
  it('counts whole months from the day of closure, keeping to the later month\'s last day', () => {
    expect(disposalDueOn('2020-03-15', 72)).toBe('2026-03-15');
    expect(disposalDueOn('2026-01-31', 1)).toBe('2026-02-28');
    expect(disposalDueOn('2023-12-31', 2)).toBe('2024-02-29');
  });

  it('finds the last closure due by a day, the month ends that fall due on a shorter month\'s last day included', () => {
    expect(lastClosedDayDueBy('2026-03-15', 72)).toBe('2020-03-15');
    expect(lastClosedDayDueBy('2026-02-28', 1)).toBe('2026-01-31');
    expect(lastClosedDayDueBy('2024-02-29', 2)).toBe('2023-12-31');
    expect(lastClosedDayDueBy('2024-02-28', 12)).toBe('2023-02-28');
  });

  it('agrees with disposalDueOn for every day of four years and the periods an office sets', () => {
    const wrong: string[] = [];
    for (const months of [1, 2, 6, 12, 13, 72, 120]) {
      for (let asOf = '2024-01-01'; asOf < '2028-01-01'; asOf = addDays(asOf, 1)) {
        const last = lastClosedDayDueBy(asOf, months);
        if (disposalDueOn(last, months) > asOf || disposalDueOn(addDays(last, 1), months) <= asOf) wrong.push(`${asOf} ${months}: ${last}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
