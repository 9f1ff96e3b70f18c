import { EffectiveTimeDto } from '../../../http/effective-time.dto.ts';
import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class AssignCaseManagerDto extends EffectiveTimeDto {
  @ApiProperty({ description: "The case manager's user id (the `sub` of their token)", maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  caseManager!: string;
}
