import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

/** A calendar date without a time, e.g. 2026-03-02. */
export const IsCalendarDate = () =>
  applyDecorators(IsISO8601({ strict: true }), Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date such as 2026-03-02' }));
