import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { ContactDetailsCorrectionDto, CorrectionReasonDto } from '../../../http/correction.dto.ts';
import { EARLIEST_BIRTH_DATE, IsDateFrom } from '../../../http/date-bounds.ts';
import { IsInSettingsList } from '../../../settings/in-settings-list.ts';

export class CorrectVictimDetailsDto extends ContactDetailsCorrectionDto {
  @ApiPropertyOptional({ description: 'From 1900-01-01 to today', example: '1980-05-18', nullable: true })
  @IsOptional()
  @IsDateFrom(EARLIEST_BIRTH_DATE)
  dateOfBirth?: string | null;
}

export class CorrectCrimeDetailsDto extends CorrectionReasonDto {
  @ApiPropertyOptional({ description: 'An id from the configured crime-type list', example: 'robbery' })
  @ValidateIf((body: CorrectCrimeDetailsDto) => body.crimeType !== undefined)
  @IsInSettingsList('crimeTypes')
  crimeType?: string;

  @ApiPropertyOptional({ maxLength: 50, example: '41/9999/26', nullable: true })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  crimeReference?: string | null;
}
