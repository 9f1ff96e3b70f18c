import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { addDays, londonDate, type CalendarDate } from '../calendar/working-days.ts';
import { IsCalendarDate } from './calendar-date.ts';
import { ValidationFailed } from './problem.ts';

/** A report's period, days in England; either end left out is that of the current quarter. */
export class ReportPeriodDto {
  @ApiPropertyOptional({ description: 'First day of the period (inclusive); the first day of the current quarter if left out', example: '2026-04-01' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ description: 'Last day of the period (inclusive); the last day of the current quarter if left out', example: '2026-06-30' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

/** The quarter (January, April, July, October) that `today` falls in. */
export function quarterOf(today: CalendarDate): { from: CalendarDate; to: CalendarDate } {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const firstMonth = month - ((month - 1) % 3);
  const from = `${year}-${String(firstMonth).padStart(2, '0')}-01`;
  const next = firstMonth === 10 ? `${year + 1}-01-01` : `${year}-${String(firstMonth + 3).padStart(2, '0')}-01`;
  return { from, to: addDays(next, -1) };
}

/** The period asked for, the current quarter filling in what was left out; `to` before `from` is a 400 naming `to`. */
export function reportPeriod(asked: ReportPeriodDto, now: Date): { from: CalendarDate; to: CalendarDate } {
  const quarter = quarterOf(londonDate(now));
  const period = { from: asked.from ?? quarter.from, to: asked.to ?? quarter.to };
  if (period.from > period.to) throw new ValidationFailed([{ field: 'to', message: 'to must not be before from' }]);
  return period;
}
