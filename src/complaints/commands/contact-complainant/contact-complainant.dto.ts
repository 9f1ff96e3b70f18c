import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { COMPLAINT_CHANNELS, type ComplaintChannel } from '../../domain/complaint.events.ts';

export class ContactComplainantDto {
  @ApiProperty({ description: 'When the complainant was contacted', example: '2026-03-03T10:00:00Z' })
  @IsISO8601({ strict: true })
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
