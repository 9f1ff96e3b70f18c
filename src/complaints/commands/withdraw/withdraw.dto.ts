import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { EffectiveTimeDto } from '../../../http/effective-time.dto.ts';

export class WithdrawDto extends EffectiveTimeDto {
  @ApiProperty({ description: 'Why the complaint ends without further handling (withdrawn, or repetitive with no fresh evidence)', maxLength: 2000, example: 'The complainant no longer wishes to pursue it' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class DiscontinueRepetitiveDto extends WithdrawDto {
  @ApiProperty({ description: 'The earlier complaint this one repeats with no fresh evidence: a logged complaint, received no later than this one', example: '0b5f3c1e-7d1a-4c1e-9d7e-3f1f4b0c2a11' })
  @IsUUID()
  earlierComplaintId!: string;
}
