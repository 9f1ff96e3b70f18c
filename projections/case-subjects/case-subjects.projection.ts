import { complaintEventDefinitions } from '../../src/complaints/domain/complaint.events.ts';
import type { EventDefinition } from '../../src/personal-data/event-definition.ts';
import { findPersonalData } from '../../src/personal-data/personal-data.ts';
import { referralEventDefinitions } from '../../src/referrals/domain/referral.events.ts';
import { resolutionEventDefinitions } from '../../src/resolutions/domain/resolution.events.ts';
import type { Projection } from '../runner/projection.ts';

/** One row per case: the ids (never the data) of every data subject its events hold. Columns are those of case_subjects. */
export interface CaseSubjectsRow {
  [column: string]: unknown;
  id: string;
  subject_ids: string[];
}

/** The case events that hold personal data; the projection reads their subjects as their definitions declare them. */
const WITH_SUBJECTS = new Map<string, EventDefinition>(
  [...referralEventDefinitions, ...complaintEventDefinitions, ...resolutionEventDefinitions]
    .filter((definition: EventDefinition) => definition.personalData.length > 0)
    .map((definition: EventDefinition) => [definition.type, definition]),
);

/** Every case stream is `<kind>-<case id>`. */
const caseIdOf = (stream: string) => stream.slice(stream.indexOf('-') + 1);

export const caseSubjectsProjection: Projection<CaseSubjectsRow> = {
  name: 'case-subjects',
  version: 1,
  table: 'case_subjects',
  eventTypes: [...WITH_SUBJECTS.keys()],
  rowPerStream: true,
  rowIdOf: (event) => caseIdOf(event.stream),
  evolve(row, event) {
    const found = findPersonalData(event.data, WITH_SUBJECTS.get(event.type)!.personalData).map((field) => field.subjectId);
    const subjectIds = [...new Set([...(row?.subject_ids ?? []), ...found])].sort();
    return { id: caseIdOf(event.stream), subject_ids: subjectIds };
  },
};
