import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { EARLIEST_CASE_DATE, IsInstantFrom } from '../../../http/date-bounds.ts';
import { CONTACT_CHANNELS, type ContactChannel } from '../../domain/contact-schedule.ts';
import { CJ_EVENT_KINDS, type CjEventKind } from '../../domain/referral.events.ts';

export class LearnCriminalJusticeEventDto {
  @ApiProperty({ enum: CJ_EVENT_KINDS })
  @IsIn(CJ_EVENT_KINDS)
  kind!: CjEventKind;

  @ApiProperty({ description: 'When the centre learned of it: the update clock starts here; from 2000-01-01 to now', example: '2026-03-02T10:15:00Z' })
  @IsInstantFrom(EARLIEST_CASE_DATE)
  learnedAt!: string;
}

export class RecordVictimUpdateDto {
  @ApiProperty({ description: 'When the victim was told, from 2000-01-01 to now', example: '2026-03-03T11:00:00Z' })
  @IsInstantFrom(EARLIEST_CASE_DATE)
  at!: string;

  @ApiProperty({ enum: CONTACT_CHANNELS })
  @IsIn(CONTACT_CHANNELS)
  channel!: ContactChannel;
}
