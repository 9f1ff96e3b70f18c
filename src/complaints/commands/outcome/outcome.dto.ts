import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { EARLIEST_CASE_DATE, IsInstantFrom } from '../../../http/date-bounds.ts';
import { OUTCOME_RESULTS, type OutcomeResult } from '../../domain/complaint.events.ts';

export class OutcomeDto {
  @ApiProperty({ enum: OUTCOME_RESULTS })
  @IsIn(OUTCOME_RESULTS)
  result!: OutcomeResult;

  @ApiPropertyOptional({ description: 'Learning or remedy for the force', maxLength: 5000 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  learning?: string;

  @ApiProperty({ description: 'When the outcome was decided, from 2000-01-01 to now', example: '2026-06-01T10:00:00Z' })
  @IsInstantFrom(EARLIEST_CASE_DATE)
  decidedAt!: string;
}

export class OutcomeNotifiedDto {
  @ApiProperty({ description: 'When the complainant was told the outcome (and their right to a review), from 2000-01-01 to now', example: '2026-06-03T10:00:00Z' })
  @IsInstantFrom(EARLIEST_CASE_DATE)
  at!: string;
}
