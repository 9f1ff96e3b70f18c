import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { CorrectionReasonDto } from '../../../http/correction.dto.ts';
import { IsInSettingsList } from '../../../settings/in-settings-list.ts';
import { SUBJECT_KINDS, type SubjectKind } from '../../domain/complaint.events.ts';

export class CorrectAllegationCategoryDto extends CorrectionReasonDto {
  @ApiProperty({ description: 'The category it should have: an id from the configured IOPC complaint categories', example: 'handling-of-property' })
  @IsInSettingsList('complaintCategories')
  category!: string;
}

/** Who an allegation is about, put right: each detail given replaces the recorded one (a null identifier clears it). */
export class CorrectAllegationSubjectDto extends CorrectionReasonDto {
  @ApiPropertyOptional({ enum: SUBJECT_KINDS, example: 'officer' })
  @IsOptional()
  @IsIn(SUBJECT_KINDS)
  kind?: SubjectKind;

  @ApiPropertyOptional({ description: 'e.g. a collar or staff number', maxLength: 50, nullable: true, example: 'PC 4127' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  identifier?: string | null;
}
