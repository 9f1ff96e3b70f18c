import { DomainRuleViolation } from '../shared/domain/errors.ts';

/** A date on the calendar of England and Wales, written YYYY-MM-DD. */
export type CalendarDate = string;

/** A real date written YYYY-MM-DD (2031-02-31 is not). */
export function isCalendarDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(toUtc(value)) && new Date(toUtc(value)).toISOString().startsWith(value);
}

const DAY_MS = 86_400_000;
const LONDON_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

const HOUR_MS = 3_600_000;
/** London's offset from UTC is a whole number of hours, so its date is the same throughout each UTC hour. */
const londonDateByUtcHour = new Map<number, CalendarDate>();
const LONDON_DATES_KEPT = 50_000;

/** The date in England at an instant: 23:30 UTC on 30 June is already 1 July in London (BST). */
export function londonDate(instant: Date | string): CalendarDate {
  const time = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  const hour = Math.floor(time / HOUR_MS);
  let date = londonDateByUtcHour.get(hour);
  if (date === undefined) {
    // Formatting is the costly part (a rebuild asks once per referral); a year is under 9,000 hours.
    if (londonDateByUtcHour.size >= LONDON_DATES_KEPT) londonDateByUtcHour.clear();
    date = LONDON_DATE.format(hour * HOUR_MS);
    londonDateByUtcHour.set(hour, date);
  }
  return date;
}

/** The instant a day begins in England: midnight BST is 23:00 UTC the day before (clocks change at 01:00 UTC, never at midnight). */
export function londonDayStart(date: CalendarDate): string {
  const anHourEarlier = toUtc(date) - HOUR_MS;
  return new Date(londonDate(new Date(anHourEarlier)) === date ? anHourEarlier : toUtc(date)).toISOString();
}

/** Calendar days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return new Date(toUtc(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Asked about a day beyond the bank holidays we know: an answer would be a guess (HTTP 409). */
export class CalendarNotCovered extends DomainRuleViolation {
  constructor(
    readonly date: CalendarDate,
    readonly coveredUntil: CalendarDate,
  ) {
    super('calendar-not-covered', `Bank holidays are known up to ${coveredUntil}, not ${date}: an administrator must add the later ones`);
  }
}

/**
 * Working days in England and Wales: Monday to Friday except bank holidays. Statutory clocks
 * ("within 5 working days") count the working days after the day the clock starts.
 */
export class WorkingDayCalendar {
  private readonly holidays: ReadonlySet<CalendarDate>;
  /** The last day of the last year with a known bank holiday. */
  readonly coveredUntil: CalendarDate;
  /** 1 January of the first year with a known bank holiday: where the running count starts. */
  readonly start: CalendarDate;
  /** Working days from `start` up to and including each day since, so counting a span is one subtraction. */
  private readonly workingSoFar: Int32Array;

  constructor(holidays: Iterable<CalendarDate>) {
    this.holidays = new Set(holidays);
    const years = [...this.holidays].map((date) => Number(date.slice(0, 4)));
    this.coveredUntil = `${Math.max(...years)}-12-31`;
    this.start = `${Math.min(...years)}-01-01`;
    this.workingSoFar = new Int32Array(daysBetween(this.start, this.coveredUntil) + 1);
    const firstWeekday = new Date(toUtc(this.start)).getUTCDay();
    const holidayIndexes = new Set([...this.holidays].map((date) => daysBetween(this.start, date)));
    for (let index = 0, count = 0; index < this.workingSoFar.length; index++) {
      const weekday = (firstWeekday + index) % 7;
      if (weekday !== 0 && weekday !== 6 && !holidayIndexes.has(index)) count++;
      this.workingSoFar[index] = count;
    }
  }

  isWorkingDay(date: CalendarDate): boolean {
    if (date > this.coveredUntil) throw new CalendarNotCovered(date, this.coveredUntil);
    const weekday = new Date(toUtc(date)).getUTCDay();
    return weekday !== 0 && weekday !== 6 && !this.holidays.has(date);
  }

  /** The `count`th working day after `date` (the starting day itself never counts). */
  addWorkingDays(date: CalendarDate, count: number): CalendarDate {
    let day = date;
    for (let remaining = count; remaining > 0; ) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day)) remaining--;
    }
    return day;
  }

  /** Working days after `from` up to and including `to`; 0 when `to` is not after `from`. */
  workingDaysBetween(from: CalendarDate, to: CalendarDate): number {
    if (to <= from) return 0;
    if (to > this.coveredUntil) throw new CalendarNotCovered(to, this.coveredUntil);
    if (from >= this.start) return this.workingSoFar[daysBetween(this.start, to)]! - this.workingSoFar[daysBetween(this.start, from)]!;
    let count = 0;
    for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
      if (this.isWorkingDay(day)) count++;
    }
    return count;
  }

  /** The date by which something that started at `instant` is due, `count` working days on. */
  dueAfter(instant: Date | string, count: number): CalendarDate {
    return this.addWorkingDays(londonDate(instant), count);
  }
}

function toUtc(date: CalendarDate): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** Whole years between two calendar dates: a person's age on a day (born 29 February, they turn a year older on 1 March). */
export function ageOn(dateOfBirth: CalendarDate, date: CalendarDate): number {
  const [birthYear, birthMonthDay] = [Number(dateOfBirth.slice(0, 4)), dateOfBirth.slice(5)];
  const [year, monthDay] = [Number(date.slice(0, 4)), date.slice(5)];
  return year - birthYear - (monthDay < birthMonthDay ? 1 : 0);
}

/**
 * The last day a clock of `workingDays` could start and have run out before `today`: due dates only grow with
 * the start, so a list tells every overdue clock by `start <= this day`, on the calendar as it stands.
 */
export function lastStartOverdue(calendar: WorkingDayCalendar, today: CalendarDate, workingDays: number): CalendarDate {
  // Counting back from the day before, the clock that starts on the `workingDays`th working day met still runs
  // today, and any that started before it has run out: no day after `today` is asked about.
  let earliestRunning = today;
  for (let met = 0; met < workingDays; ) {
    earliestRunning = addDays(earliestRunning, -1);
    if (calendar.isWorkingDay(earliestRunning)) met++;
  }
  return addDays(earliestRunning, -1);
}
