import { ApiProperty } from '@nestjs/swagger';
import { IsInSettingsList } from '../../../settings/in-settings-list.ts';

export class DeclineSupportDto {
  @ApiProperty({ description: 'An id from the configured decline reasons', example: 'wants-to-move-on' })
  @IsInSettingsList('declineReasons')
  reason!: string;
}

/** Accepting support needs no details: send `{}`. */
export class AcceptSupportDto {}
