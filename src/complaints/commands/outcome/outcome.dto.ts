import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
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

  @ApiProperty({ description: 'When the outcome was decided', example: '2026-06-01T10:00:00Z' })
  @IsISO8601({ strict: true })
  decidedAt!: string;
}

export class OutcomeNotifiedDto {
  @ApiProperty({ description: 'When the complainant was told the outcome (and their right to a review)', example: '2026-06-03T10:00:00Z' })
  @IsISO8601({ strict: true })
  at!: string;
}
