import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsUUID, ValidateBy, ValidateIf } from 'class-validator';
import { MESSAGE_CHANNELS, MESSAGE_KINDS, type MessageChannel, type MessageKind } from '../../domain/victim-messages.events.ts';

const MAX_FIELDS = 20;
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_ ]{0,49}$/;
const MAX_VALUE_LENGTH = 2000;

/** Notify's personalisation: the template's placeholders by name, each a short text. */
function isPersonalisation(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return entries.length <= MAX_FIELDS && entries.every(([name, text]) => FIELD_NAME.test(name) && typeof text === 'string' && text.length <= MAX_VALUE_LENGTH);
}

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

  @ApiProperty({
    description: `The template's placeholders: up to ${MAX_FIELDS} names, each a text of at most ${MAX_VALUE_LENGTH} characters`,
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { first_name: 'Ann', update: 'A man was charged today and will appear at St Albans Magistrates Court on 12 March.' },
  })
  @ValidateBy({ name: 'isPersonalisation', validator: { validate: isPersonalisation, defaultMessage: () => 'personalisation must map placeholder names to short texts' } })
  personalisation!: Record<string, string>;
}
