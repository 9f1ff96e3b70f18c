import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { EffectiveTimeDto } from '../../../http/effective-time.dto.ts';
import { REFERRAL_BODIES, type ReferralBody } from '../../domain/complaint.events.ts';

export class ReferDto extends EffectiveTimeDto {
  @ApiProperty({ enum: REFERRAL_BODIES, description: "psd: the force's Professional Standards Department; iopc: the Independent Office for Police Conduct" })
  @IsIn(REFERRAL_BODIES)
  to!: ReferralBody;

  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
