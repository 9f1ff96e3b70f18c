import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString } from 'class-validator';
import { SERVICE_REFERRAL_OUTCOMES, type ServiceReferralOutcome } from '../../domain/referral.events.ts';

export class MakeServiceReferralDto {
  @ApiProperty({ description: 'An id from the configured commissioned services', example: 'idva' })
  @IsString()
  @IsNotEmpty()
  service!: string;
}

export class RecordServiceReferralOutcomeDto {
  @ApiProperty({ enum: SERVICE_REFERRAL_OUTCOMES })
  @IsIn(SERVICE_REFERRAL_OUTCOMES)
  outcome!: ServiceReferralOutcome;
}
