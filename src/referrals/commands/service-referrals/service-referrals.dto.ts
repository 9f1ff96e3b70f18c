import { EffectiveTimeDto } from '../../../http/effective-time.dto.ts';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { SERVICE_REFERRAL_OUTCOMES, type ServiceReferralOutcome } from '../../domain/referral.events.ts';
import { IsInSettingsList } from '../../../settings/in-settings-list.ts';

export class MakeServiceReferralDto extends EffectiveTimeDto {
  @ApiProperty({ description: 'An id from the configured commissioned services', example: 'idva' })
  @IsInSettingsList('supportServices')
  service!: string;
}

export class RecordServiceReferralOutcomeDto extends EffectiveTimeDto {
  @ApiProperty({ enum: SERVICE_REFERRAL_OUTCOMES })
  @IsIn(SERVICE_REFERRAL_OUTCOMES)
  outcome!: ServiceReferralOutcome;
}
