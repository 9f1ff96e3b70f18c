import type { CalendarDate } from '../../calendar/working-days.ts';

/**
 * The London day a case closed on this day becomes due for disposal, `months` later; a day the later month
 * lacks (31 January + 1 month) falls on that month's last day.
 */
export function disposalDueOn(closedOn: CalendarDate, months: number): CalendarDate {
  const [year, month, day] = closedOn.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(year, month - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month - 1 + months, Math.min(day, lastDay))).toISOString().slice(0, 10);
}
