import { addDays, type CalendarDate } from '../../calendar/working-days.ts';

/**
 * The London day a case closed on this day becomes due for disposal, `months` later; a day the later month
 * lacks (31 January + 1 month) falls on that month's last day.
 */
export function disposalDueOn(closedOn: CalendarDate, months: number): CalendarDate {
  const [year, month, day] = closedOn.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month - 1 + months, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

/**
 * The last London day a case may have closed on to be due by `asOf` under a rule of `months`: every earlier day is
 * due too (disposalDueOn never goes back as the closure does), so the review asks its index for the closures before
 * the day after. Counting back clamps to the month's last day as disposalDueOn does; the closures at the end of a
 * longer month that fall due on the same day (31 January for 28 February) come after it, a few days at most.
 */
export function lastClosedDayDueBy(asOf: CalendarDate, months: number): CalendarDate {
  let closedOn = disposalDueOn(asOf, -months);
  while (disposalDueOn(addDays(closedOn, 1), months) <= asOf) closedOn = addDays(closedOn, 1);
  return closedOn;
}
