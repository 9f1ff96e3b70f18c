import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';
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

  @ApiPropertyOptional({ description: 'When the victim was told; defaults to now', example: '2026-03-20T15:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;
}
