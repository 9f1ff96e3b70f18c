import { ApiProperty } from '@nestjs/swagger';
import { EffectiveTimeDto } from '../../../http/effective-time.dto.ts';
import { IsInSettingsList } from '../../../settings/in-settings-list.ts';

export class DeclineSupportDto extends EffectiveTimeDto {
  @ApiProperty({ description: 'An id from the configured decline reasons', example: 'wants-to-move-on' })
  @IsInSettingsList('declineReasons')
  reason!: string;
}

/** Accepting support needs no details: send `{}`. */
export class AcceptSupportDto extends EffectiveTimeDto {}
