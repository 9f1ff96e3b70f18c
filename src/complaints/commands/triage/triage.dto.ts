import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { EffectiveTimeDto } from '../../../http/effective-time.dto.ts';
import { NestedArray } from '../../../http/nested.ts';
import { RECORDING_REASONS, type RecordingReason } from '../../domain/complaint.events.ts';
import { AllegationDto } from './allegation.dto.ts';

export class HandleOutsideSchedule3Dto extends EffectiveTimeDto {
  @ApiProperty({ type: [AllegationDto], description: 'What the complaint alleges, with the triage answers; any recording criterion refuses informal handling' })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @NestedArray(() => AllegationDto)
  allegations!: AllegationDto[];
}

export class ResolveDto extends EffectiveTimeDto {
  @ApiProperty({ description: 'How it was resolved (e.g. explanation, apology)', maxLength: 5000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  summary!: string;

  @ApiProperty({ description: 'A dissatisfied complainant may then ask for the complaint to be recorded' })
  @IsBoolean()
  complainantSatisfied!: boolean;
}

export class RecordDto extends EffectiveTimeDto {
  @ApiProperty({ enum: RECORDING_REASONS })
  @IsIn(RECORDING_REASONS)
  reason!: RecordingReason;

  @ApiPropertyOptional({ type: [AllegationDto], description: 'Allegations beyond those stated at triage; at least one allegation overall' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @NestedArray(() => AllegationDto)
  allegations?: AllegationDto[];
}
