import { SHIPPED_BANK_HOLIDAYS } from './bank-holidays.data.ts';
import { WorkingDayCalendar, type CalendarDate } from './working-days.ts';

/** The shipped bank holidays plus any days an administrator has added (e.g. a one-off holiday). */
export function englandAndWalesCalendar(addedDays: Iterable<CalendarDate> = []): WorkingDayCalendar {
  return new WorkingDayCalendar([...SHIPPED_BANK_HOLIDAYS.map(([date]) => date), ...addedDays]);
}
