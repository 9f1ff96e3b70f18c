import type { ComplainantDetailsCorrected, ComplaintLogged } from '../../src/complaints/domain/complaint.events.ts';
import { ERASED, RESTRICTED } from '../../src/personal-data/field-cipher.ts';
import { contactAsPhoneOrEmail, matchValues } from '../../src/people/domain/normalise.ts';
import { matchKeys } from '../../src/people/match-keys.ts';
import type { ReferralReceived, VictimDetailsCorrected } from '../../src/referrals/domain/referral.events.ts';
import type { CommunityResolutionProposed, ResolutionPersonCorrected } from '../../src/resolutions/domain/resolution.events.ts';
import type { RecordedEvent } from '../../src/event-store/event-store.port.ts';
import type { Projection } from '../runner/projection.ts';

export const CASE_KINDS = ['referral', 'complaint', 'resolution'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** One data subject of a case as intake recorded them: the keyed hashes of what they may be matched on. */
export interface IndexedSubject {
  subjectId: string;
  role: 'victim' | 'complainant' | 'offender' | 'appropriate-adult';
  matchKeys: string[];
}

/** One row per case. Columns are those of subject_index. */
export interface SubjectIndexRow {
  [column: string]: unknown;
  id: string;
  case_kind: CaseKind;
  subjects: IndexedSubject[];
  /** The data subjects of the case (the runner's `subject_ids` are those whose sealed values the row holds). */
  people_ids: string[];
  match_keys: string[];
}

type Details = { name?: string | null; dateOfBirth?: string | null; phone?: string | null; email?: string | null };

/** Erased or restricted details are matched on by no one. */
const usable = (value: string | null | undefined) => (value === ERASED || value === RESTRICTED ? null : value);

const keysOf = (details: Details) => matchKeys(matchValues({ name: usable(details.name), dateOfBirth: usable(details.dateOfBirth), phone: usable(details.phone), email: usable(details.email) }));

function indexed(subjectId: string, role: IndexedSubject['role'], details: Details): IndexedSubject {
  return { subjectId, role, matchKeys: keysOf(details) };
}

/** A corrected detail replaces the keys of that detail only: the others were never stored in clear to recompute from. */
function corrected(subject: IndexedSubject, details: Details): IndexedSubject {
  const fields = Object.keys(details);
  return { ...subject, matchKeys: [...subject.matchKeys.filter((key) => !fields.includes(key.slice(0, key.indexOf(':')))), ...keysOf(details)] };
}

function toRow(id: string, kind: CaseKind, subjects: IndexedSubject[]): SubjectIndexRow {
  return { id, case_kind: kind, subjects, people_ids: subjects.map((subject) => subject.subjectId), match_keys: [...new Set(subjects.flatMap((subject) => subject.matchKeys))] };
}

function subjectsOf(type: string, data: unknown): { id: string; kind: CaseKind; subjects: IndexedSubject[] } {
  switch (type) {
    case 'ReferralReceived': {
      const { referralId, victim } = data as ReferralReceived['data'];
      return { id: referralId, kind: 'referral', subjects: [indexed(victim.subjectId, 'victim', victim)] };
    }
    case 'ComplaintLogged': {
      const { complaintId, complainant } = data as ComplaintLogged['data'];
      return { id: complaintId, kind: 'complaint', subjects: [indexed(complainant.subjectId, 'complainant', complainant)] };
    }
    default: {
      const { resolutionId, offender, appropriateAdult, victims } = data as CommunityResolutionProposed['data'];
      const adult = appropriateAdult ? [indexed(appropriateAdult.subjectId, 'appropriate-adult', appropriateAdult)] : [];
      const victimsIndexed = victims.map((victim) => indexed(victim.subjectId, 'victim', { name: victim.name, ...contactAsPhoneOrEmail(usable(victim.contact) ?? null) }));
      return { id: resolutionId, kind: 'resolution', subjects: [indexed(offender.subjectId, 'offender', offender), ...adult, ...victimsIndexed] };
    }
  }
}

/** The events that correct a person's details, and where each names its case. */
const CORRECTIONS: Record<string, 'referralId' | 'complaintId' | 'resolutionId'> = {
  VictimDetailsCorrected: 'referralId',
  ComplainantDetailsCorrected: 'complaintId',
  ResolutionPersonCorrected: 'resolutionId',
};

type Correction = (VictimDetailsCorrected | ComplainantDetailsCorrected | ResolutionPersonCorrected)['data'];

/** A resolution's victim has one contact, a phone number or an email address: correcting it replaces both. */
function detailsOf({ corrected }: Correction): Details {
  if (!('contact' in corrected)) return corrected;
  const { contact, ...rest } = corrected;
  return { ...rest, phone: null, email: null, ...contactAsPhoneOrEmail(usable(contact) ?? null) };
}

function correctionIn(event: RecordedEvent): { caseId: string; subjectId: string; corrected: Details } | undefined {
  const caseIdField = CORRECTIONS[event.type];
  if (!caseIdField) return undefined;
  const data = event.data as Correction & Record<typeof caseIdField, string>;
  return { caseId: data[caseIdField], subjectId: data.subjectId, corrected: detailsOf(data) };
}

/** Who appears in each case, and in what role, so people can be found and matched across cases (keyed hashes only). */
export const subjectIndexProjection: Projection<SubjectIndexRow> = {
  // 2: rebuilt so the erasures and restrictions that version 1 parked (its refold was given the case's other events) take effect.
  name: 'subject-index',
  version: 2,
  table: 'subject_index',
  eventTypes: ['ReferralReceived', 'ComplaintLogged', 'CommunityResolutionProposed', ...Object.keys(CORRECTIONS)],
  holdsPersonalData: true,
  rowIdOf: (event) => correctionIn(event)?.caseId ?? subjectsOf(event.type, event.data).id,
  evolve(row, event) {
    const correction = correctionIn(event);
    if (!correction) {
      const { id, kind, subjects } = subjectsOf(event.type, event.data);
      return toRow(id, kind, subjects);
    }
    if (!row) return row;
    return toRow(row.id, row.case_kind, row.subjects.map((subject) => (subject.subjectId === correction.subjectId ? corrected(subject, correction.corrected) : subject)));
  },
};
