import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { EARLIEST_CASE_DATE, IsInstantFrom } from '../../../http/date-bounds.ts';
import { COMPLAINT_CHANNELS, type ComplaintChannel } from '../../domain/complaint.events.ts';

export class ProgressUpdateDto {
  @ApiProperty({ description: 'When the complainant was updated, from 2000-01-01 to now', example: '2026-03-20T10:00:00Z' })
  @IsInstantFrom(EARLIEST_CASE_DATE)
  at!: string;

  @ApiProperty({ enum: COMPLAINT_CHANNELS })
  @IsIn(COMPLAINT_CHANNELS)
  channel!: ComplaintChannel;

  @ApiProperty({ description: 'What the complainant was told', maxLength: 5000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  summary!: string;
}

export class LongRunningReportDto {
  @ApiProperty({ description: 'When the PCC was told the investigation is still running, from 2000-01-01 to now', example: '2026-03-02T10:00:00Z' })
  @IsInstantFrom(EARLIEST_CASE_DATE)
  at!: string;
}
