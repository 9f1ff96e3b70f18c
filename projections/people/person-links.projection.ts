import type { PersonLinkEvent } from '../../src/people/domain/person-link.events.ts';
import type { Projection } from '../runner/projection.ts';

/** Which person each linked data subject is. Columns are those of person_subjects. */
export interface PersonSubjectRow {
  [column: string]: unknown;
  id: string;
  person_id: string;
  linked_at: string;
  linked_by: string;
}

export const personLinksProjection: Projection<PersonSubjectRow> = {
  name: 'person-links',
  version: 1,
  table: 'person_subjects',
  eventTypes: ['SubjectLinkedToPerson', 'SubjectUnlinkedFromPerson'],
  rowIdOf: (event) => (event.data as PersonLinkEvent['data']).subjectId,
  evolve(_row, event) {
    const link = event as unknown as PersonLinkEvent;
    if (link.type === 'SubjectUnlinkedFromPerson') return undefined;
    return { id: link.data.subjectId, person_id: link.data.personId, linked_at: link.data.linkedAt, linked_by: event.metadata.actor.sub };
  },
};
