import { addDays, CalendarNotCovered, type CalendarDate, type WorkingDayCalendar } from './working-days.ts';

/** Due days by clock length, per calendar: a calendar is built once per settings revision, so this is too. */
const dueDayTables = new WeakMap<WorkingDayCalendar, Map<number, CalendarDate[]>>();

/** For each day from the calendar's start, the day `count` working days after it, while the calendar covers it. */
function dueDays(calendar: WorkingDayCalendar, count: number): CalendarDate[] {
  const tables = dueDayTables.get(calendar) ?? new Map<number, CalendarDate[]>();
  dueDayTables.set(calendar, tables);
  let days = tables.get(count);
  if (!days) {
    days = [];
    try {
      for (let day = calendar.start; day <= calendar.coveredUntil; day = addDays(day, 1)) days.push(calendar.addWorkingDays(day, count));
    } catch (error) {
      if (!(error instanceof CalendarNotCovered)) throw error;
    }
    tables.set(count, days);
  }
  return days;
}

/**
 * SQL for the day `count` working days after the date `start` (an SQL expression), on the calendar the query's
 * parameters (`dueDayParameters`) were made from: a look-up by index, so a list can sort by due dates on the
 * calendar as it stands without counting days row by row. NULL when `start` is, or lies outside the calendar.
 */
export const workingDaysAfter = (start: string, count: number): string => `(:dueDays${count}::date[])[${start} - :dueDaysFrom::date + 1]`;

/** The parameters `workingDaysAfter` reads, for the clock lengths a query uses. */
export function dueDayParameters(calendar: WorkingDayCalendar, counts: readonly number[]): Record<string, CalendarDate | CalendarDate[]> {
  return Object.fromEntries([['dueDaysFrom', calendar.start], ...counts.map((count) => [`dueDays${count}`, dueDays(calendar, count)])]);
}
