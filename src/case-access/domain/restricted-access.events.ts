import { defineEvent } from '../../personal-data/event-definition.ts';
import type { DomainEvent } from '../../shared/domain/decider.ts';

/**
 * Why a case is restricted, changed or lifted: chosen from lists, so the record of a restriction holds no
 * personal data and outlives any erasure of the case's data subjects.
 */
export const RESTRICTION_REASONS = ['staff-member-involved', 'police-officer-involved', 'high-profile', 'complaint-about-chief-officer', 'other-need-to-know'] as const;
export const CHANGE_REASONS = ['staff-changed', 'need-to-know-widened', 'need-to-know-narrowed'] as const;
export const LIFT_REASONS = ['no-longer-needed', 'marked-in-error'] as const;
export type RestrictionReason = (typeof RESTRICTION_REASONS)[number];
export type ChangeReason = (typeof CHANGE_REASONS)[number];
export type LiftReason = (typeof LIFT_REASONS)[number];

/** Who may work on a restricted case: users by their token's `sub`, and members of teams (the token's `teams` claim). */
export interface NamedPeople {
  users: string[];
  teams: string[];
}

interface Change {
  caseId: string;
  /** The supervisor's `sub` (also in the event's metadata). */
  by: string;
  at: string;
}

export type CaseAccessRestricted = DomainEvent<'CaseAccessRestricted', Change & NamedPeople & { reason: RestrictionReason }>;
export type CaseAccessRestrictionChanged = DomainEvent<'CaseAccessRestrictionChanged', Change & NamedPeople & { reason: ChangeReason }>;
export type CaseAccessRestrictionLifted = DomainEvent<'CaseAccessRestrictionLifted', Change & { reason: LiftReason }>;
export type RestrictedAccessEvent = CaseAccessRestricted | CaseAccessRestrictionChanged | CaseAccessRestrictionLifted;

/** Staff ids, team ids and reason codes only: nothing here is a data subject's. */
export const restrictedAccessEventDefinitions = [
  defineEvent({ type: 'CaseAccessRestricted', schemaVersion: 1, personalData: [], plain: ['caseId', 'by', 'at', 'reason', 'users[]', 'teams[]'] }),
  defineEvent({ type: 'CaseAccessRestrictionChanged', schemaVersion: 1, personalData: [], plain: ['caseId', 'by', 'at', 'reason', 'users[]', 'teams[]'] }),
  defineEvent({ type: 'CaseAccessRestrictionLifted', schemaVersion: 1, personalData: [], plain: ['caseId', 'by', 'at', 'reason'] }),
];

export const RESTRICTED_ACCESS_EVENT_TYPES = restrictedAccessEventDefinitions.map((definition) => definition.type);
