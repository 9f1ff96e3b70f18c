import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class WithdrawDto {
  @ApiProperty({ description: 'Why the complaint ends without further handling (withdrawn, or repetitive with no fresh evidence)', maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
