import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { EARLIEST_BIRTH_DATE, EARLIEST_CASE_DATE, IsDateFrom, IsInstantFrom } from '../../../http/date-bounds.ts';
import { DemographicsDto } from '../../../http/demographics.dto.ts';
import { NestedObject } from '../../../http/nested.ts';
import { CONSENT_BASES, REFERRAL_SOURCES, type ConsentBasis, type ReferralSource } from '../../domain/referral.events.ts';
import { IsInSettingsList } from '../../../settings/in-settings-list.ts';

export class VictimDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ description: 'From 1900-01-01 to today', example: '1980-05-17' })
  @IsOptional()
  @IsDateFrom(EARLIEST_BIRTH_DATE)
  dateOfBirth?: string;

  @ApiPropertyOptional({ maxLength: 40 })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  email?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string;
}

export class ConsentDto {
  @ApiProperty({ description: 'The victim agreed to be contacted by the victim care centre' })
  @IsBoolean()
  contact!: boolean;

  @ApiProperty({ description: 'The victim agreed to their data being shared with support services' })
  @IsBoolean()
  dataSharing!: boolean;

  @ApiProperty({ enum: CONSENT_BASES })
  @IsIn(CONSENT_BASES)
  basis!: ConsentBasis;
}

export class ReceiveReferralDto {
  @ApiProperty({ enum: REFERRAL_SOURCES })
  @IsIn(REFERRAL_SOURCES)
  source!: ReferralSource;

  @ApiPropertyOptional({ description: 'Required when the police refer', maxLength: 50 })
  @ValidateIf((referral: ReceiveReferralDto) => referral.source === 'police' || referral.crimeReference !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  crimeReference?: string;

  @ApiProperty({ description: 'An id from the configured crime-type list', example: 'burglary' })
  @IsInSettingsList('crimeTypes')
  crimeType!: string;

  @ApiPropertyOptional({ description: 'From 2000-01-01 to today', example: '2026-02-27' })
  @IsOptional()
  @IsDateFrom(EARLIEST_CASE_DATE)
  offenceDate?: string;

  @ApiPropertyOptional({ description: 'When the crime was reported to the police, from 2000-01-01 to today', example: '2026-02-28' })
  @IsOptional()
  @IsDateFrom(EARLIEST_CASE_DATE)
  crimeReportedOn?: string;

  @ApiProperty({ type: VictimDto })
  @NestedObject(() => VictimDto)
  victim!: VictimDto;

  @ApiPropertyOptional({ description: 'When the centre received the referral, if not now (typed in later): with its offset, not in the future; its clocks start then', example: '2026-03-02T09:15:00Z' })
  @IsOptional()
  @IsInstantFrom(EARLIEST_CASE_DATE)
  receivedAt?: string;

  @ApiProperty({ type: ConsentDto })
  @NestedObject(() => ConsentDto)
  consent!: ConsentDto;

  @ApiPropertyOptional({ type: DemographicsDto, description: "The victim's equality-monitoring answers, if given on intake (also later: `POST …/demographics`)" })
  @IsOptional()
  @NestedObject(() => DemographicsDto)
  demographics?: DemographicsDto;
}
