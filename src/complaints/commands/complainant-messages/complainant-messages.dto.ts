import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsPersonalisation } from '../../../http/personalisation.ts';
import { COMPLAINANT_MESSAGE_CHANNELS, type ComplainantMessageChannel } from '../../domain/complainant-messages.events.ts';

export class SendComplainantUpdateDto {
  @ApiProperty({ enum: COMPLAINANT_MESSAGE_CHANNELS })
  @IsIn(COMPLAINANT_MESSAGE_CHANNELS)
  channel!: ComplainantMessageChannel;

  @ApiProperty({ description: 'What the update tells the complainant, for the record of updates', maxLength: 5000, example: 'The investigating officer has interviewed the officer concerned' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  summary!: string;

  @IsPersonalisation({ first_name: 'Carl', update: 'The investigating officer has interviewed the officer concerned.' })
  personalisation!: Record<string, string>;
}
