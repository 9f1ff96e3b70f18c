import { isISO8601, ValidateBy } from 'class-validator';
import { addDays, isCalendarDate, londonDate, type CalendarDate } from '../calendar/working-days.ts';
import { ValidationFailed } from './problem.ts';

/*
 * A time without its offset is a different instant in London in summer than in UTC ("2026-07-01T00:30:00"
 * meant 23:30Z the day before to a user here): the server never guesses, it asks for the offset.
 */
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;
const isInstant = (value: unknown) => typeof value === 'string' && WITH_OFFSET.test(value) && isISO8601(value, { strict: true });

/** An instant written with a time and its offset from UTC: one message for anything else. */
export const IsInstant = () =>
  ValidateBy({
    name: 'isInstant',
    validator: { validate: isInstant, defaultMessage: (args) => `${args?.property} must be a time with its offset from UTC, such as 2026-03-02T10:15:00Z` },
  });

/** An instant with its offset, or a date meaning the whole of that day in England. */
export const isInstantOrLondonDay = (value: unknown): value is string => typeof value === 'string' && (isCalendarDate(value) || isInstant(value));

/** A query bound: an instant with its offset, or a date meaning the whole of that day in England. */
export const IsInstantOrLondonDay = () =>
  ValidateBy({
    name: 'isInstantOrLondonDay',
    validator: {
      validate: isInstantOrLondonDay,
      defaultMessage: (args) => `${args?.property} must be a date such as 2026-03-02 (a whole day in England) or a time with its offset, such as 2026-03-02T10:15:00Z`,
    },
  });

const HOUR_MS = 3_600_000;

/** The instant a day begins in England: midnight BST is 23:00Z the day before. */
export function londonDayStart(date: CalendarDate): Date {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  // London is UTC or an hour ahead, and its offset changes on the hour, so the day begins on a UTC hour near midnight.
  for (let hour = -2; hour <= 1; hour++) if (londonDate(new Date(utcMidnight + hour * HOUR_MS)) === date) return new Date(utcMidnight + hour * HOUR_MS);
  throw new Error(`No London day starts near ${date}`);
}

/** Where a `from` bound starts (inclusive): a date is the start of that day in England. */
export function fromBound(value: string): Date {
  return isCalendarDate(value) ? londonDayStart(value) : new Date(value);
}

/** Where a `to` bound ends (exclusive): a date includes the whole of that day in England. */
export function toBound(value: string): Date {
  return isCalendarDate(value) ? londonDayStart(addDays(value, 1)) : new Date(value);
}

/** The last instant an `asOf` bound includes: a date is the end of that day in England. */
export function asOfBound(value: string): Date {
  return new Date(toBound(value).getTime() - (isCalendarDate(value) ? 1 : 0));
}

/** A range whose `to` ends before its `from` starts selects nothing a user meant: 400 naming `to`. */
export function rangeOf(from: string | undefined, to: string | undefined): { from: Date | undefined; to: Date | undefined } {
  const range = { from: from === undefined ? undefined : fromBound(from), to: to === undefined ? undefined : toBound(to) };
  if (from !== undefined && to !== undefined && fromBound(to) < fromBound(from)) throw new ValidationFailed([{ field: 'to', message: 'to must not be before from' }]);
  return range;
}
