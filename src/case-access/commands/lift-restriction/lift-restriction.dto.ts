import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { LIFT_REASONS, type LiftReason } from '../../domain/restricted-access.events.ts';

export class LiftRestrictionDto {
  @ApiProperty({ description: 'Why the case no longer needs restricting', enum: LIFT_REASONS, example: 'no-longer-needed' })
  @IsIn(LIFT_REASONS)
  reason!: LiftReason;
}
