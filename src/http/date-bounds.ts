import { applyDecorators } from '@nestjs/common';
import { ValidateBy } from 'class-validator';
import { IsCalendarDate } from './calendar-date.ts';
import { IsInstant } from './instant.ts';

/** No one alive and in a case was born before this day. */
export const EARLIEST_BIRTH_DATE = '1900-01-01';
/** No offence, contact or other fact of a case open here happened before this day. */
export const EARLIEST_CASE_DATE = '2000-01-01';

/*
 * Only the lower bound is checked here: that a past fact is not in the future is a rule of each decider
 * (a 409 naming it, e.g. `offence-date-in-future`), which holds against the server's clock for every caller.
 * A value that is no date at all is left to the format check, so it gets one message.
 */
const isFrom = (earliest: string, value: unknown) => typeof value !== 'string' || Number.isNaN(Date.parse(value)) || Date.parse(value) >= Date.parse(earliest);

/** A calendar date no earlier than `earliest`. */
export const IsDateFrom = (earliest: string) =>
  applyDecorators(
    IsCalendarDate(),
    ValidateBy({ name: 'isDateFrom', validator: { validate: (value) => isFrom(earliest, value), defaultMessage: (args) => `${args?.property} must be a date from ${earliest}` } }),
  );

/** An instant, with its offset, no earlier than the start of `earliest` (UTC). */
export const IsInstantFrom = (earliest: string) =>
  applyDecorators(
    IsInstant(),
    ValidateBy({ name: 'isInstantFrom', validator: { validate: (value) => isFrom(earliest, value), defaultMessage: (args) => `${args?.property} must be a time from ${earliest}` } }),
  );
