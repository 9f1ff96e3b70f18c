import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { HOLD_REASONS, RELEASE_REASONS, type HoldReason, type ReleaseReason } from '../../domain/legal-hold.events.ts';

export class PlaceLegalHoldDto {
  @ApiProperty({ description: 'Why the case must be kept whatever its retention period', enum: HOLD_REASONS, example: 'litigation' })
  @IsIn(HOLD_REASONS)
  reason!: HoldReason;
}

export class LiftLegalHoldDto {
  @ApiProperty({ description: 'Why the case need no longer be kept: its retention clock runs again', enum: RELEASE_REASONS, example: 'obligation-ended' })
  @IsIn(RELEASE_REASONS)
  reason!: ReleaseReason;
}
