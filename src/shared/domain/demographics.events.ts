import { caseText, defineEvent } from '../../personal-data/event-definition.ts';
import type { CommandMetadata } from './decider.ts';
import { ageBandAt, checkDemographics, type DeclaredDemographics, type Demographics } from './demographics.ts';

/** Record (or replace) what a case's person said about themselves for equality monitoring. */
export interface RecordDemographics extends DeclaredDemographics {
  type: 'RecordDemographics';
  metadata: CommandMetadata;
}

/** Each context's event holds its case id beside these. */
export type DemographicsRecordedData<CaseId extends string> = { [key in CaseId]: string } & Demographics & { subjectId: string; recordedAt: string };

/** The person whose demographics they are, on the day of the offence their age band is taken at. */
export interface MonitoredPerson {
  subjectId: string;
  dateOfBirth: string | null;
  offenceDay: string;
  current: Demographics | null;
}

export function recordedDemographics(command: RecordDemographics, person: MonitoredPerson): Demographics & { subjectId: string; recordedAt: string } {
  const demographics = checkDemographics(command, person.current, ageBandAt(person.dateOfBirth, person.offenceDay));
  return { subjectId: person.subjectId, ...demographics, recordedAt: command.metadata.now.toISOString() };
}

/** What a case's state keeps of a recorded event: the answers and band, without the ids and time. */
export const demographicsOf = ({ gender, ethnicity, disability, ageBand }: Demographics): Demographics => ({ gender, ethnicity, disability, ageBand });

/**
 * Special-category data, sealed under the person and erased with them; the case id links them to the
 * case's own subject like any personal data on a case.
 */
export const demographicsEvent = <const Type extends string>(type: Type, caseIdPath: string) =>
  defineEvent({
    type,
    schemaVersion: 1,
    personalData: [{ subjectIdPath: 'subjectId', fields: ['gender', 'ethnicity', 'disability', 'ageBand'] }, caseText(caseIdPath, [])],
    plain: [caseIdPath, 'subjectId', 'recordedAt'],
  });
