import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsCalendarDate } from '../../../http/calendar-date.ts';
import { PageQueryDto } from '../../../http/page.ts';
import { REFERRAL_SOURCES, type ReferralSource } from '../../domain/referral.events.ts';
import { JOURNEY_STATUSES, type JourneyStatus } from '../../domain/referral.state.ts';

export class ListReferralsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: JOURNEY_STATUSES })
  @IsOptional()
  @IsIn(JOURNEY_STATUSES)
  status?: JourneyStatus;

  @ApiPropertyOptional({ description: "A case manager's user id, `me` for the caller's own caseload, or `none` for the cases no one is assigned", example: 'none' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  caseManager?: string;

  @ApiPropertyOptional({ description: 'Only victims entitled to the enhanced service (true) or not (false)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  enhanced?: boolean;

  @ApiPropertyOptional({ description: 'Only cases with a contact or a criminal-justice update overdue (true), or with neither (false)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: "Part of the victim's name", maxLength: 100 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: REFERRAL_SOURCES })
  @IsOptional()
  @IsIn(REFERRAL_SOURCES)
  source?: ReferralSource;

  @ApiPropertyOptional({ description: 'Only cases with a contact or a criminal-justice update due by the end of this day in England (overdue included), what is due first', example: '2026-12-04' })
  @IsOptional()
  @IsCalendarDate()
  dueBy?: string;

  @ApiPropertyOptional({ description: 'Only the referrals for this crime reference (exactly as the police gave it)', example: '41/1001/26', maxLength: 50 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  crimeReference?: string;

  @ApiPropertyOptional({ description: 'A crime type id from the configured list (retired ones too)', example: 'burglary', maxLength: 100 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  crimeType?: string;

  @ApiPropertyOptional({ description: 'Only police referrals passed on more than 2 working days after the crime was reported (true), or police referrals on time (false)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  policeReferralDelayed?: boolean;
}
