import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../http/page.ts';
import { REFERRAL_SOURCES, type ReferralSource } from '../../domain/referral.events.ts';
import { JOURNEY_STATUSES, type JourneyStatus } from '../../domain/referral.state.ts';

export class ListReferralsDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: JOURNEY_STATUSES })
  @IsOptional()
  @IsIn(JOURNEY_STATUSES)
  status?: JourneyStatus;

  @ApiPropertyOptional({ description: "A case manager's user id, or `me` for the caller's own caseload" })
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
}
