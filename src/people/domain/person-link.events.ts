import { defineEvent } from '../../personal-data/event-definition.ts';
import type { DomainEvent } from '../../shared/domain/decider.ts';

/** A case's data subject recognised as a person (new, or one already known); the reason is that subject's personal data. */
export type SubjectLinkedToPerson = DomainEvent<'SubjectLinkedToPerson', { subjectId: string; personId: string; newPerson: boolean; reason: string; linkedAt: string }>;
export type SubjectUnlinkedFromPerson = DomainEvent<'SubjectUnlinkedFromPerson', { subjectId: string; personId: string; reason: string; unlinkedAt: string }>;

export type PersonLinkEvent = SubjectLinkedToPerson | SubjectUnlinkedFromPerson;

export const personLinkEventDefinitions = [
  defineEvent({ type: 'SubjectLinkedToPerson', schemaVersion: 1, personalData: [{ subjectIdPath: 'subjectId', fields: ['reason'] }], plain: ['subjectId', 'personId', 'linkedAt'] }),
  defineEvent({ type: 'SubjectUnlinkedFromPerson', schemaVersion: 1, personalData: [{ subjectIdPath: 'subjectId', fields: ['reason'] }], plain: ['subjectId', 'personId', 'unlinkedAt'] }),
];

/** Which person one data subject is: one stream per subject, so a subject is never two people at once. */
export const personLinkStream = (subjectId: string) => `person-link-${subjectId}`;
