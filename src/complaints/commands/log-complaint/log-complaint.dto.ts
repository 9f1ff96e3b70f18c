import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { EARLIEST_CASE_DATE, IsDateFrom, IsInstantFrom } from '../../../http/date-bounds.ts';
import { NestedArray, NestedObject } from '../../../http/nested.ts';
import { ComplainantDemographicsDto } from '../../../http/demographics.dto.ts';
import { COMPLAINT_CHANNELS, SUBJECT_KINDS, type ComplaintChannel, type SubjectKind } from '../../domain/complaint.events.ts';

export class ComplainantDto {
  @ApiProperty({ maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  email?: string;

  @ApiPropertyOptional({ maxLength: 40 })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string;
}

/** Who a complaint or allegation is about. */
export class ComplaintSubjectDto {
  @ApiProperty({ enum: SUBJECT_KINDS })
  @IsIn(SUBJECT_KINDS)
  kind!: SubjectKind;

  @ApiPropertyOptional({ description: 'e.g. a collar or staff number, when known', maxLength: 50 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  identifier?: string;
}

export class LogComplaintDto {
  @ApiProperty({ description: 'When the complaint reached the office, from 2000-01-01 to now', example: '2026-03-02T09:15:00Z' })
  @IsInstantFrom(EARLIEST_CASE_DATE)
  receivedAt!: string;

  @ApiProperty({ enum: COMPLAINT_CHANNELS })
  @IsIn(COMPLAINT_CHANNELS)
  channel!: ComplaintChannel;

  @ApiProperty({ type: ComplainantDto })
  @NestedObject(() => ComplainantDto)
  complainant!: ComplainantDto;

  @ApiProperty({ description: 'What happened, in the complainant’s words', maxLength: 5000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  summary!: string;

  @ApiPropertyOptional({ description: 'When it happened, from 2000-01-01 to today', example: '2026-02-27' })
  @IsOptional()
  @IsDateFrom(EARLIEST_CASE_DATE)
  incidentDate?: string;

  @ApiProperty({ type: [ComplaintSubjectDto], description: 'Who the complaint is about (the force as a whole is a subject too)' })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @NestedArray(() => ComplaintSubjectDto)
  subjects!: ComplaintSubjectDto[];

  @ApiPropertyOptional({ description: 'The complainant wants the complaint recorded under Schedule 3', default: false })
  @IsOptional()
  @IsBoolean()
  wantsRecording?: boolean;

  @ApiPropertyOptional({ type: ComplainantDemographicsDto, description: "The complainant's equality-monitoring answers, if given on logging (also later: `POST …/demographics`)" })
  @IsOptional()
  @NestedObject(() => ComplainantDemographicsDto)
  demographics?: ComplainantDemographicsDto;
}
