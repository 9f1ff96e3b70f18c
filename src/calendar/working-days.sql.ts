import type { WorkingDayCalendar } from './working-days.ts';

/** The parameter `workingDaysAfter` reads: the calendar's bank holidays as they stand. */
export const bankHolidaysParameter = (calendar: WorkingDayCalendar): { bankHolidays: string[] } => ({ bankHolidays: calendar.bankHolidays });

/**
 * SQL for the day `count` working days after the date `start` (both SQL expressions; NULL when `start` is),
 * on the bank holidays given as `bankHolidaysParameter`. Lists order by it, so a bank holiday added after a
 * clock started moves it in the list as on the case's page. Three weeks beyond two days a working day cover
 * the longest run of holidays (Christmas).
 */
export function workingDaysAfter(start: string, count: string): string {
  return `(SELECT d::date FROM generate_series(${start} + 1, ${start} + 2 * (${count}) + 21, interval '1 day') d
    WHERE extract(isodow FROM d) < 6 AND d::date <> ALL(:bankHolidays::date[]) ORDER BY d OFFSET (${count}) - 1 LIMIT 1)`;
}
