import { defineEvent } from '../../personal-data/event-definition.ts';
import type { DomainEvent } from '../../shared/domain/decider.ts';

/** Why a case is held or released: chosen from lists, so the record holds no personal data and outlives the case's disposal. */
export const HOLD_REASONS = ['litigation', 'complaint-or-review-pending', 'public-inquiry', 'regulator-request', 'other-legal-obligation'] as const;
export const RELEASE_REASONS = ['obligation-ended', 'placed-in-error'] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];
export type ReleaseReason = (typeof RELEASE_REASONS)[number];

interface Change {
  caseId: string;
  /** The supervisor's `sub` (also in the event's metadata). */
  by: string;
  at: string;
}

export type LegalHoldPlaced = DomainEvent<'LegalHoldPlaced', Change & { reason: HoldReason }>;
export type LegalHoldLifted = DomainEvent<'LegalHoldLifted', Change & { reason: ReleaseReason }>;
/**
 * A disposal found the case not held and goes ahead: its data is erased next, so no hold can be placed from now
 * on. Appended after the disposal's read of this stream, so a hold placed meanwhile makes it re-read and stop.
 */
export type CaseClearedForDisposal = DomainEvent<'CaseClearedForDisposal', { caseId: string; by: string; at: string }>;
export type LegalHoldEvent = LegalHoldPlaced | LegalHoldLifted | CaseClearedForDisposal;

/** Staff ids and reason codes only: nothing here is a data subject's. */
export const legalHoldEventDefinitions = [
  defineEvent({ type: 'LegalHoldPlaced', schemaVersion: 1, personalData: [], plain: ['caseId', 'by', 'at', 'reason'] }),
  defineEvent({ type: 'LegalHoldLifted', schemaVersion: 1, personalData: [], plain: ['caseId', 'by', 'at', 'reason'] }),
  defineEvent({ type: 'CaseClearedForDisposal', schemaVersion: 1, personalData: [], plain: ['caseId', 'by', 'at'] }),
];

/** A case's legal hold has a stream of its own, beside the case's, like its restricted access: it works alike for every kind of case and never moves the case's revision. */
export const legalHoldStream = (caseId: string) => `legal-hold-${caseId}`;
