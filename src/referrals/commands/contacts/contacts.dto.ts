import { EffectiveTimeDto } from '../../../http/effective-time.dto.ts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { EARLIEST_CASE_DATE, IsInstantFrom } from '../../../http/date-bounds.ts';
import { CONTACT_CHANNELS, CONTACT_FREQUENCIES, type ContactChannel, type ContactFrequency } from '../../domain/contact-schedule.ts';

export class AgreeContactContractDto extends EffectiveTimeDto {
  @ApiProperty({ enum: CONTACT_FREQUENCIES })
  @IsIn(CONTACT_FREQUENCIES)
  frequency!: ContactFrequency;

  @ApiProperty({ enum: CONTACT_CHANNELS })
  @IsIn(CONTACT_CHANNELS)
  channel!: ContactChannel;

  @ApiPropertyOptional({ description: 'When it is safe to contact the victim', maxLength: 500 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  safeTimes?: string;
}

export class RecordContactDto {
  @ApiProperty({ enum: ['made', 'failed'] })
  @IsIn(['made', 'failed'])
  outcome!: 'made' | 'failed';

  @ApiProperty({ enum: CONTACT_CHANNELS })
  @IsIn(CONTACT_CHANNELS)
  channel!: ContactChannel;

  @ApiProperty({ description: 'When the contact was made or attempted, from 2000-01-01 to now', example: '2026-03-02T10:15:00Z' })
  @IsInstantFrom(EARLIEST_CASE_DATE)
  at!: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
