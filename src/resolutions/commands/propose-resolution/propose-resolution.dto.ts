import { EffectiveTimeDto } from '../../../http/effective-time.dto.ts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsBoolean, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { EARLIEST_BIRTH_DATE, EARLIEST_CASE_DATE, IsDateFrom } from '../../../http/date-bounds.ts';
import { NestedArray, NestedObject } from '../../../http/nested.ts';
import { DemographicsDto } from '../../../http/demographics.dto.ts';

export class OffenderDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ description: 'Decides whether an appropriate adult is needed (under 18 at the offence date); from 1900-01-01 to today', example: '2009-05-17' })
  @IsDateFrom(EARLIEST_BIRTH_DATE)
  dateOfBirth!: string;
}

export class AppropriateAdultDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ description: 'e.g. parent, guardian, social worker, volunteer', maxLength: 100 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  relationship?: string;
}

export class ResolutionVictimDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ description: 'How to reach the victim (phone, email or address)', maxLength: 500 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  contact?: string;

  @ApiProperty({ description: "Reasonable efforts reached the victim and their views were sought" })
  @IsBoolean()
  consulted!: boolean;

  @ApiPropertyOptional({ description: "The victim's views, in their words", maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  views?: string;

  @ApiProperty({ description: 'The victim consents to a Community Resolution' })
  @IsBoolean()
  consents!: boolean;
}

export class ResolutionFlagsDto {
  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  domesticAbuse?: boolean;

  @ApiPropertyOptional({ default: false, description: 'Offender and victim are or were intimate partners: a Community Resolution is then refused' })
  @IsOptional()
  @IsBoolean()
  intimatePartner?: boolean;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  hateCrime?: boolean;
}

export class ProposeResolutionDto extends EffectiveTimeDto {
  @ApiProperty({ maxLength: 50, example: '41/1234/26' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  crimeReference!: string;

  @ApiProperty({ description: 'An id from the configured list of low-level offences and ASB (settings list resolutionOffenceTypes)', example: 'criminal-damage' })
  @IsString()
  @IsNotEmpty()
  offenceType!: string;

  @ApiProperty({ description: 'From 2000-01-01 to today', example: '2026-02-27' })
  @IsDateFrom(EARLIEST_CASE_DATE)
  offenceDate!: string;

  @ApiProperty({ type: OffenderDto })
  @NestedObject(() => OffenderDto)
  offender!: OffenderDto;

  @ApiPropertyOptional({ type: AppropriateAdultDto, description: 'Required when the offender was under 18 at the offence date' })
  @IsOptional()
  @NestedObject(() => AppropriateAdultDto)
  appropriateAdult?: AppropriateAdultDto;

  @ApiProperty()
  @IsBoolean()
  evidenceSufficient!: boolean;

  @ApiProperty()
  @IsBoolean()
  offenderAdmits!: boolean;

  @ApiProperty({ description: 'The offender agrees to a Community Resolution' })
  @IsBoolean()
  offenderAgrees!: boolean;

  @ApiProperty({ type: [ResolutionVictimDto], description: 'Empty for an offence without a victim' })
  @ArrayMaxSize(20)
  @NestedArray(() => ResolutionVictimDto)
  victims!: ResolutionVictimDto[];

  @ApiPropertyOptional({ type: ResolutionFlagsDto })
  @IsOptional()
  @NestedObject(() => ResolutionFlagsDto)
  flags?: ResolutionFlagsDto;

  @ApiProperty({ description: 'Why a Community Resolution is the right disposal', maxLength: 4000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  rationale!: string;

  @ApiPropertyOptional({ type: DemographicsDto, description: "The offender's equality-monitoring answers, if given with the proposal (also later: `POST …/demographics`)" })
  @IsOptional()
  @NestedObject(() => DemographicsDto)
  demographics?: DemographicsDto;
}
