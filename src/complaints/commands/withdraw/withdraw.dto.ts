import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { EffectiveTimeDto } from '../../../http/effective-time.dto.ts';

export class WithdrawDto extends EffectiveTimeDto {
  @ApiProperty({ description: 'Why the complaint ends without further handling (withdrawn, or repetitive with no fresh evidence)', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
