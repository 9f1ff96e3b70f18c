import { addDays, londonDate, type WorkingDayCalendar } from '../calendar/working-days.ts';
import type { Random } from './random.ts';

const HOUR = 3_600_000;

/** Instants inside office hours (09:00–17:00 UTC, close enough to London's) on working days. */
export class WorkingTime {
  constructor(
    private readonly calendar: WorkingDayCalendar,
    private readonly random: Random,
  ) {}

  /** A working-day instant up to `days` calendar days before `now`, never after it. */
  within(days: number, now: Date): Date {
    for (;;) {
      const day = addDays(londonDate(now), -this.random.int(0, days));
      const instant = this.during(day);
      if (this.calendar.isWorkingDay(day) && instant <= now) return instant;
    }
  }

  /** An instant in office hours `count` working days after `from`'s day. */
  after(from: Date, count: number): Date {
    const day = count === 0 ? londonDate(from) : this.calendar.addWorkingDays(londonDate(from), count);
    const instant = this.during(day);
    return count === 0 && instant <= from ? new Date(from.getTime() + this.random.int(5, 90) * 60_000) : instant;
  }

  private during(day: string): Date {
    return new Date(Date.parse(`${day}T09:00:00Z`) + this.random.next() * 8 * HOUR);
  }
}
