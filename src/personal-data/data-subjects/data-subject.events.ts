import type { JsonObject } from '../../event-store/event-store.port.ts';
import type { DomainEvent } from '../../shared/domain/decider.ts';
import { defineEvent, type Upcaster } from '../event-definition.ts';
import { groundsOfReason, type ErasureGround, type GroundNotRecorded, type LiftGround, type RestrictionGround } from './data-subject-grounds.ts';

/** Why (a ground of the UK GDPR article relied on) and the office's reference for the request, if any. */
interface Grounds<Ground extends string> {
  subjectId: string;
  ground: Ground | GroundNotRecorded;
  requestReference: string | null;
}

export type PersonalDataErased = DomainEvent<'PersonalDataErased', Grounds<ErasureGround> & { erasedAt: string }>;
export type ProcessingRestricted = DomainEvent<'ProcessingRestricted', Grounds<RestrictionGround> & { restrictedAt: string }>;
export type RestrictionLifted = DomainEvent<'RestrictionLifted', Grounds<LiftGround> & { liftedAt: string }>;

export type DataSubjectEvent = PersonalDataErased | ProcessingRestricted | RestrictionLifted;

/**
 * Version 1 kept a free-text `reason`, which could name the person whose data was erased. Its decisions read
 * with the ground `not-recorded`, and the reason as the request's reference only where it reads as one; the
 * rest of the text is dropped here (the stored version 1 event, never rewritten, still holds it).
 */
export const reasonToGrounds: Upcaster = ({ reason, ...decision }) => ({ ...decision, ...groundsOfReason(reason) }) as JsonObject;

export const dataSubjectEventDefinitions = [
  // Grounds are codes, and a request reference an office reference: kept in clear as the record of what was done.
  defineEvent({ type: 'PersonalDataErased', schemaVersion: 2, upcasters: { 1: reasonToGrounds }, personalData: [], plain: ['subjectId', 'ground', 'requestReference', 'erasedAt'] }),
  defineEvent({ type: 'ProcessingRestricted', schemaVersion: 2, upcasters: { 1: reasonToGrounds }, personalData: [], plain: ['subjectId', 'ground', 'requestReference', 'restrictedAt'] }),
  defineEvent({ type: 'RestrictionLifted', schemaVersion: 2, upcasters: { 1: reasonToGrounds }, personalData: [], plain: ['subjectId', 'ground', 'requestReference', 'liftedAt'] }),
];

/** What was decided about one data subject's personal data: the record of erasures and restrictions. */
export const dataSubjectStream = (subjectId: string) => `data-subject-${subjectId}`;
