import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { EARLIEST_CASE_DATE, IsInstantFrom } from './date-bounds.ts';

/** A state change's optional effective time: a decision made earlier and typed in now starts its clocks when it was made. */
export class EffectiveTimeDto {
  @ApiPropertyOptional({
    description: 'When the decision was made, if not now: with its offset; not in the future, nor before the step it follows (409 naming the rule)',
    example: '2026-10-05T10:00:00Z',
  })
  @IsOptional()
  @IsInstantFrom(EARLIEST_CASE_DATE)
  at?: string;
}

/** The effective time a body gave, in UTC; none (or null, as optional fields may be) means now. */
export const effectiveTime = (body: { at?: string | null }): string | undefined => (body.at ? new Date(body.at).toISOString() : undefined);
