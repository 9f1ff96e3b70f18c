import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class SupervisorDecisionDto {
  @ApiProperty({ description: 'Whether the Community Resolution goes ahead without every victim consulted and consenting', example: true })
  @IsBoolean()
  proceed!: boolean;

  @ApiProperty({ description: 'Why', maxLength: 2000, example: 'The victim could not be reached after three attempts; a repair is proportionate for a first offence' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
