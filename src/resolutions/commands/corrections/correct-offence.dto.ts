import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString } from 'class-validator';
import { CorrectionReasonDto } from '../../../http/correction.dto.ts';

export class CorrectOffenceDto extends CorrectionReasonDto {
  @ApiProperty({ description: 'The offence it should be: an id from the configured list of low-level offences and ASB (settings list resolutionOffenceTypes)', example: 'theft-low-value' })
  @IsString()
  @IsNotEmpty()
  offenceType!: string;
}
