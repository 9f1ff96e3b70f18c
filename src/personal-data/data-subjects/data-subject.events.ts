import type { DomainEvent } from '../../shared/domain/decider.ts';
import { defineEvent } from '../event-definition.ts';

export type PersonalDataErased = DomainEvent<'PersonalDataErased', { subjectId: string; reason: string; erasedAt: string }>;
export type ProcessingRestricted = DomainEvent<'ProcessingRestricted', { subjectId: string; reason: string; restrictedAt: string }>;
export type RestrictionLifted = DomainEvent<'RestrictionLifted', { subjectId: string; reason: string; liftedAt: string }>;

export type DataSubjectEvent = PersonalDataErased | ProcessingRestricted | RestrictionLifted;

export const dataSubjectEventDefinitions = [
  // A reason is the reference of the request (e.g. a DSAR number), kept as the record of what was done.
  defineEvent({ type: 'PersonalDataErased', schemaVersion: 1, personalData: [], plain: ['subjectId', 'reason', 'erasedAt'] }),
  defineEvent({ type: 'ProcessingRestricted', schemaVersion: 1, personalData: [], plain: ['subjectId', 'reason', 'restrictedAt'] }),
  defineEvent({ type: 'RestrictionLifted', schemaVersion: 1, personalData: [], plain: ['subjectId', 'reason', 'liftedAt'] }),
];

/** What was decided about one data subject's personal data: the record of erasures and restrictions. */
export const dataSubjectStream = (subjectId: string) => `data-subject-${subjectId}`;
