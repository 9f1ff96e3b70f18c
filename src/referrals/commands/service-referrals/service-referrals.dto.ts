import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { SERVICE_REFERRAL_OUTCOMES, type ServiceReferralOutcome } from '../../domain/referral.events.ts';
import { IsInSettingsList } from '../../../settings/in-settings-list.ts';

export class MakeServiceReferralDto {
  @ApiProperty({ description: 'An id from the configured commissioned services', example: 'idva' })
  @IsInSettingsList('supportServices')
  service!: string;
}

export class RecordServiceReferralOutcomeDto {
  @ApiProperty({ enum: SERVICE_REFERRAL_OUTCOMES })
  @IsIn(SERVICE_REFERRAL_OUTCOMES)
  outcome!: ServiceReferralOutcome;
}
