import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { EARLIEST_CASE_DATE, IsInstantFrom } from '../../../http/date-bounds.ts';
import { INFORM_CHANNELS, INFORMED_ABOUT, type InformChannel, type InformedAbout } from '../../domain/resolution.events.ts';

export class InformVictimDto {
  @ApiPropertyOptional({ description: "The victim's id from the resolution's page; may be left out when there is one victim", format: 'uuid' })
  @IsOptional()
  @IsUUID()
  victimId?: string;

  @ApiProperty({ enum: INFORMED_ABOUT })
  @IsIn(INFORMED_ABOUT)
  about!: InformedAbout;

  @ApiProperty({ enum: INFORM_CHANNELS })
  @IsIn(INFORM_CHANNELS)
  channel!: InformChannel;

  @ApiPropertyOptional({ description: 'When the victim was told, from 2000-01-01 to now; defaults to now', example: '2026-03-20T15:00:00Z' })
  @IsOptional()
  @IsInstantFrom(EARLIEST_CASE_DATE)
  at?: string;
}
