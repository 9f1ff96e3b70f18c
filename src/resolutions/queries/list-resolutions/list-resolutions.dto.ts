import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../../../http/calendar-date.ts';
import { PageQueryDto } from '../../../http/page.ts';
import { OUTCOMES, type ResolutionOutcome } from '../../domain/resolution.events.ts';
import { RESOLUTION_STATUSES, type ResolutionStatus } from '../../domain/resolution.state.ts';

export class ListResolutionsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: RESOLUTION_STATUSES })
  @IsOptional()
  @IsIn(RESOLUTION_STATUSES)
  status?: ResolutionStatus;

  @ApiPropertyOptional({ enum: OUTCOMES })
  @IsOptional()
  @IsIn(OUTCOMES)
  outcome?: ResolutionOutcome;

  @ApiPropertyOptional({ description: 'Only resolutions with an open remedy past its due date (true) or without one (false)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'An id from the resolution offence types', example: 'shop-theft' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  offenceType?: string;

  @ApiPropertyOptional({ description: 'Only resolutions with an open remedy due by the end of this day in England, overdue included', example: '2026-12-04' })
  @IsOptional()
  @IsCalendarDate()
  dueBy?: string;

  @ApiPropertyOptional({ description: "Part of the crime reference or the offender's name", maxLength: 100 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  q?: string;
}
