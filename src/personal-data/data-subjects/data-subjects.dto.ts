import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class DataSubjectDecisionDto {
  @ApiProperty({ description: 'Why (e.g. the reference of the data subject\'s request); kept in the audit record', maxLength: 500 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}
