import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { IsCalendarDate } from '../../../http/calendar-date.ts';

/** At most as many cases named as a night's disposal takes at once. */
const MAX_NAMED = 10_000;

export class DisposeCasesDto {
  @ApiPropertyOptional({ description: 'Only list what would go (the review list), erasing nothing', default: false, example: true })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;

  @ApiPropertyOptional({ description: 'The London day to review for (default today): the cases whose period has run by its end. A dry run may look ahead; a disposal may not go by a day after today', example: '2026-12-04' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;

  @ApiPropertyOptional({ description: 'Only these cases, each of which must be due (else 409, nothing erased; a dry run lists those that are); default every case due', type: [String], maxItems: MAX_NAMED, example: ['0b6f3c1e-3d2a-4c5b-9a8e-1f2d3c4b5a69'] })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_NAMED)
  @IsUUID('all', { each: true })
  caseIds?: string[];
}
