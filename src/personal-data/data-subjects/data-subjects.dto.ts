import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches, MaxLength } from 'class-validator';
import { DECISION_GROUNDS, ERASURE_GROUNDS, LIFT_GROUNDS, REQUEST_REFERENCE_MAX_LENGTH, REQUEST_REFERENCE_PATTERN, RESTRICTION_GROUNDS, type DecisionGround } from './data-subject-grounds.ts';

/** Each decision's grounds, as a message lists them. */
export const ALLOWED_GROUNDS = `erase: ${ERASURE_GROUNDS.join(', ')}; restrict: ${RESTRICTION_GROUNDS.join(', ')}; lift-restriction: ${LIFT_GROUNDS.join(', ')}`;

/** A ground code and a reference, never free text: the record, and the erasure register outside the database, outlive the data. */
export class DataSubjectDecisionDto {
  @ApiProperty({
    description: `The UK GDPR ground relied on, one of the decision's own: \`erase\` (Art. 17(1)) ${ERASURE_GROUNDS.map((ground) => `\`${ground}\``).join(', ')}; \`restrict\` (Art. 18(1)) ${RESTRICTION_GROUNDS.map((ground) => `\`${ground}\``).join(', ')}; \`lift-restriction\` (Art. 18(2)/(3)) ${LIFT_GROUNDS.map((ground) => `\`${ground}\``).join(', ')}`,
    enum: DECISION_GROUNDS,
    example: 'art17-withdrawn-consent',
  })
  @IsIn(DECISION_GROUNDS, { message: `ground must be one of the decision's grounds (${ALLOWED_GROUNDS})` })
  ground!: DecisionGround;

  @ApiProperty({
    description: "The office's reference for the data subject's request: letters, digits and / . _ - only, no spaces",
    example: 'DSAR-2026-0142',
    minLength: 1,
    maxLength: REQUEST_REFERENCE_MAX_LENGTH,
    pattern: REQUEST_REFERENCE_PATTERN.source,
  })
  @IsString()
  @MaxLength(REQUEST_REFERENCE_MAX_LENGTH)
  @Matches(REQUEST_REFERENCE_PATTERN, { message: 'requestReference must be a reference such as DSAR-2026-0142: a letter or digit, then letters, digits and / . _ - (no spaces)' })
  requestReference!: string;
}
