import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../../../http/calendar-date.ts';
import { PageQueryDto } from '../../../http/page.ts';
import type { ComplaintRoute, ComplaintStage } from '../../domain/complaint.state.ts';

export const COMPLAINT_STAGES: readonly ComplaintStage[] = [
  'logged',
  'handling-outside-schedule-3',
  'resolved',
  'resolution-unsatisfactory',
  'recorded',
  'referred-to-psd',
  'referred-to-iopc',
  'outcome-decided',
  'outcome-notified',
  'review-requested',
  'review-decided',
  'withdrawn',
  'discontinued-repetitive',
];
export const COMPLAINT_ROUTES: readonly ComplaintRoute[] = ['untriaged', 'outside-schedule-3', 'recorded'];

export class ListComplaintsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: COMPLAINT_STAGES })
  @IsOptional()
  @IsIn(COMPLAINT_STAGES)
  status?: ComplaintStage;

  @ApiPropertyOptional({ enum: COMPLAINT_ROUTES })
  @IsOptional()
  @IsIn(COMPLAINT_ROUTES)
  route?: ComplaintRoute;

  @ApiPropertyOptional({ description: 'An allegation category id', example: 'individual-behaviours' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  category?: string;

  @ApiPropertyOptional({ description: 'Only complaints with an overdue duty (true) or none (false)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'Only complaints with a duty (contact, progress update, outcome notice, long-running report) due by the end of this day in England, overdue included', example: '2026-12-04' })
  @IsOptional()
  @IsCalendarDate()
  dueBy?: string;

  @ApiPropertyOptional({ description: "Part of the reference or of the complainant's name", maxLength: 100 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  q?: string;
}
