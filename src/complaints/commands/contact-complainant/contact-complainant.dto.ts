import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { EARLIEST_CASE_DATE, IsInstantFrom } from '../../../http/date-bounds.ts';
import { COMPLAINT_CHANNELS, type ComplaintChannel } from '../../domain/complaint.events.ts';

export class ContactComplainantDto {
  @ApiProperty({ description: 'When the complainant was contacted, from 2000-01-01 to now', example: '2026-03-03T10:00:00Z' })
  @IsInstantFrom(EARLIEST_CASE_DATE)
  at!: string;

  @ApiProperty({ enum: COMPLAINT_CHANNELS })
  @IsIn(COMPLAINT_CHANNELS)
  channel!: ComplaintChannel;

  @ApiProperty({ description: 'What the complainant wants from the complaint', maxLength: 5000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  views!: string;
}
