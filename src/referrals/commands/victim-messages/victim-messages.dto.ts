import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsUUID, ValidateIf } from 'class-validator';
import { IsPersonalisation } from '../../../http/personalisation.ts';
import { MESSAGE_CHANNELS, MESSAGE_KINDS, type MessageChannel, type MessageKind } from '../../domain/victim-messages.events.ts';

export class SendVictimMessageDto {
  @ApiProperty({ enum: MESSAGE_KINDS, description: 'A criminal-justice update passes on one event (`cjEventId`); a contact keeps the contact contract' })
  @IsIn(MESSAGE_KINDS)
  kind!: MessageKind;

  @ApiProperty({ enum: MESSAGE_CHANNELS, description: 'Must be the channel the victim agreed in the contact contract' })
  @IsIn(MESSAGE_CHANNELS)
  channel!: MessageChannel;

  @ApiPropertyOptional({ format: 'uuid', description: 'A criminal-justice update only: the event passed on' })
  @ValidateIf((body: SendVictimMessageDto) => body.kind === 'cj-update' || body.cjEventId !== undefined)
  @IsUUID()
  cjEventId?: string;

  @IsPersonalisation({ first_name: 'Ann', update: 'A man was charged today and will appear at St Albans Magistrates Court on 12 March.' })
  personalisation!: Record<string, string>;
}
