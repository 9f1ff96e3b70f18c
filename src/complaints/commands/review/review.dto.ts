import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { EffectiveTimeDto } from '../../../http/effective-time.dto.ts';
import { EARLIEST_CASE_DATE, IsInstantFrom } from '../../../http/date-bounds.ts';

export class ReviewRequestDto {
  @ApiProperty({ description: "When the complainant's application for review arrived, from 2000-01-01 to now", example: '2026-06-10T10:00:00Z' })
  @IsInstantFrom(EARLIEST_CASE_DATE)
  receivedAt!: string;
}

export class LateReviewRequestDto extends ReviewRequestDto {
  @ApiProperty({ description: 'The exceptional reason the request is accepted after the 28 days (the complainant\'s personal data)', maxLength: 2000, example: 'The complainant was in hospital throughout the review window' })
  @IsString()
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MaxLength(2000)
  reason!: string;
}

export class ReviewDecisionDto extends EffectiveTimeDto {
  @ApiProperty({ description: 'Whether the outcome was found not reasonable and proportionate' })
  @IsBoolean()
  upheld!: boolean;

  @ApiPropertyOptional({ maxLength: 5000 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  recommendations?: string;
}

export class IopcReviewDecisionDto {
  @ApiProperty({ description: 'Whether the IOPC found the outcome not reasonable and proportionate', example: true })
  @IsBoolean()
  upheld!: boolean;

  @ApiPropertyOptional({ description: "The IOPC's recommendations, as it gave them", maxLength: 5000, example: 'Re-investigate the handling of the arrest' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  recommendations?: string;

  @ApiProperty({ description: "When the Customer Response Team received the IOPC's decision, from 2000-01-01 to now", example: '2026-08-03T09:30:00Z' })
  @IsInstantFrom(EARLIEST_CASE_DATE)
  receivedAt!: string;
}
