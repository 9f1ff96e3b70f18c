import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsISO8601 } from 'class-validator';
import { CONTACT_CHANNELS, type ContactChannel } from '../../domain/contact-schedule.ts';
import { CJ_EVENT_KINDS, type CjEventKind } from '../../domain/referral.events.ts';

export class LearnCriminalJusticeEventDto {
  @ApiProperty({ enum: CJ_EVENT_KINDS })
  @IsIn(CJ_EVENT_KINDS)
  kind!: CjEventKind;

  @ApiProperty({ description: 'When the centre learned of it: the update clock starts here', example: '2026-03-02T10:15:00Z' })
  @IsISO8601({ strict: true })
  learnedAt!: string;
}

export class RecordVictimUpdateDto {
  @ApiProperty({ description: 'When the victim was told', example: '2026-03-03T11:00:00Z' })
  @IsISO8601({ strict: true })
  at!: string;

  @ApiProperty({ enum: CONTACT_CHANNELS })
  @IsIn(CONTACT_CHANNELS)
  channel!: ContactChannel;
}
