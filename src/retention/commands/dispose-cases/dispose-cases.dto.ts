import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsBoolean, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsCalendarDate } from '../../../http/calendar-date.ts';

/** At most as many cases at once as a night's disposal takes in a few minutes. */
export const MAX_DISPOSED = 10_000;

export class DisposeCasesDto {
  @ApiPropertyOptional({ description: 'Only list what would go (the review list), erasing nothing', default: false, example: true })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;

  @ApiPropertyOptional({ description: 'The London day to review for (default today): the cases whose period has run by its end. A dry run may look ahead; a disposal may not go by a day after today', example: '2026-12-04' })
  @IsOptional()
  @IsCalendarDate()
  asOf?: string;

  @ApiPropertyOptional({ description: 'Only these cases, each of which must be due (else 409, nothing erased; a dry run lists those that are); default every case due', type: [String], maxItems: MAX_DISPOSED, example: ['0b6f3c1e-3d2a-4c5b-9a8e-1f2d3c4b5a69'] })
  @IsOptional()
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(MAX_DISPOSED)
  @IsUUID('all', { each: true })
  caseIds?: string[];

  @ApiPropertyOptional({
    description: 'Without caseIds: at most this many cases, the oldest closures first (`more` in the answer says whether others remain due; a repeated request takes the next ones)',
    minimum: 1,
    maximum: MAX_DISPOSED,
    default: MAX_DISPOSED,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_DISPOSED)
  limit?: number;
}
