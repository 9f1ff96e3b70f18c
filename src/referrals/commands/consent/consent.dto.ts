import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { EffectiveTimeDto } from '../../../http/effective-time.dto.ts';
import { CONSENTS, type ConsentKind } from '../../domain/referral.events.ts';

export class ChangeConsentDto extends EffectiveTimeDto {
  @ApiProperty({ enum: CONSENTS, description: '`contact`: to be contacted by the centre; `dataSharing`: to have their details shared with support services', example: 'contact' })
  @IsIn(CONSENTS)
  consent!: ConsentKind;

  @ApiProperty({ description: "What the victim said, and how: the victim's personal data", maxLength: 1000, example: 'Asked on the phone not to be called again for now' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}
