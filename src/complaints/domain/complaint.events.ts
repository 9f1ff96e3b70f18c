import type { CalendarDate } from '../../calendar/working-days.ts';
import { defineEvent } from '../../personal-data/event-definition.ts';
import type { DomainEvent } from '../../shared/domain/decider.ts';
import type { CriteriaFlags, Criterion, IopcReviewReason, ReviewBody } from './criteria.ts';

export const COMPLAINT_CHANNELS = ['phone', 'email', 'letter', 'online', 'in-person', 'social-media'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

export const SUBJECT_KINDS = ['officer', 'staff', 'chief-officer', 'force'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export const RECORDING_REASONS = ['complainant-request', 'mandatory-criteria', 'dissatisfied-with-initial-handling'] as const;
export type RecordingReason = (typeof RECORDING_REASONS)[number];

export const OUTCOME_RESULTS = ['service-acceptable', 'service-not-acceptable', 'unable-to-determine'] as const;
export type OutcomeResult = (typeof OUTCOME_RESULTS)[number];

export const REFERRAL_BODIES = ['psd', 'iopc'] as const;
export type ReferralBody = (typeof REFERRAL_BODIES)[number];

export interface Complainant {
  /** The data subject: every personal field below belongs to this id and is erased with it. */
  subjectId: string;
  name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
}

/** Who the complaint is about. An identifier (e.g. a collar number) is the person's own data. */
export interface ComplaintSubject {
  subjectId: string;
  kind: SubjectKind;
  identifier: string | null;
}

export type ComplaintLogged = DomainEvent<
  'ComplaintLogged',
  {
    complaintId: string;
    /** What the complainant quotes: stable, short, and derived from nothing personal. */
    reference: string;
    receivedAt: string;
    channel: ComplaintChannel;
    complainant: Complainant;
    summary: string;
    incidentDate: CalendarDate | null;
    subjects: ComplaintSubject[];
    wantsRecording: boolean;
    /** The office's target for first contact, in working days from receipt (see CONTACT_TARGET_WORKING_DAYS). */
    contactDueBy: CalendarDate;
  }
>;

export type ComplainantContacted = DomainEvent<
  'ComplainantContacted',
  { complaintId: string; subjectId: string; at: string; channel: ComplaintChannel; views: string; workingDaysFromReceipt: number }
>;

export type HandlingOutsideSchedule3Started = DomainEvent<'HandlingOutsideSchedule3Started', { complaintId: string; startedAt: string; nextUpdateDue: CalendarDate }>;

export type AllegationAdded = DomainEvent<
  'AllegationAdded',
  {
    complaintId: string;
    allegationId: string;
    /** The complainant's: the description is theirs, erased with them. */
    complainantSubjectId: string;
    category: string;
    description: string;
    subject: ComplaintSubject;
    criteria: CriteriaFlags;
    addedAt: string;
  }
>;

export type ResolvedOutsideSchedule3 = DomainEvent<
  'ResolvedOutsideSchedule3',
  { complaintId: string; subjectId: string; summary: string; complainantSatisfied: boolean; resolvedAt: string }
>;

export type ComplaintRecorded = DomainEvent<'ComplaintRecorded', { complaintId: string; reason: RecordingReason; recordedAt: string; nextUpdateDue: CalendarDate }>;

/** Free-text reasons may name people, so they are the complainant's data (`subjectId`). */
export type ReferredToPsd = DomainEvent<'ReferredToPsd', { complaintId: string; subjectId: string; reason: string; referredAt: string }>;
export type ReferredToIopc = DomainEvent<
  'ReferredToIopc',
  { complaintId: string; subjectId: string; reason: string; referredAt: string; mandatoryCriteria: Criterion[] }
>;

export type ComplainantUpdated = DomainEvent<
  'ComplainantUpdated',
  { complaintId: string; subjectId: string; at: string; channel: ComplaintChannel; summary: string; nextUpdateDue: CalendarDate }
>;

/** Learning and recommendations are about the service, not a person: they are not personal data. */
export type OutcomeDecided = DomainEvent<
  'OutcomeDecided',
  { complaintId: string; result: OutcomeResult; learning: string | null; decidedAt: string; notifyBy: CalendarDate }
>;

export type OutcomeNotified = DomainEvent<
  'OutcomeNotified',
  { complaintId: string; at: string; notifiedInTime: boolean; reviewWindow: { opens: CalendarDate; closes: CalendarDate } }
>;

export type ReviewRequested = DomainEvent<
  'ReviewRequested',
  { complaintId: string; receivedAt: string; reviewBody: ReviewBody; iopcReasons: IopcReviewReason[] }
>;

export type ReviewDecided = DomainEvent<'ReviewDecided', { complaintId: string; upheld: boolean; recommendations: string | null; decidedAt: string }>;

/**
 * The IOPC's decision on a review it carried out, as the Customer Response Team received it: the IOPC decides,
 * the CRT records. Its recommendations are free text about the complaint, so the complainant's data.
 */
export type IopcReviewDecisionReceived = DomainEvent<
  'IopcReviewDecisionReceived',
  { complaintId: string; subjectId: string; upheld: boolean; recommendations: string | null; receivedAt: string }
>;

export type LongRunningReportMade = DomainEvent<'LongRunningReportMade', { complaintId: string; reportNumber: number; at: string; nextReportDue: CalendarDate }>;

export type ComplaintWithdrawn = DomainEvent<'ComplaintWithdrawn', { complaintId: string; subjectId: string; reason: string; withdrawnAt: string }>;

/** A complainant's details as recorded: what a correction may change. */
export type ComplainantDetails = Omit<Complainant, 'subjectId'>;

/** Only the details that changed, each to its new value (null clears it); earlier values stay in the history, sealed. */
export type ComplainantDetailsCorrected = DomainEvent<
  'ComplainantDetailsCorrected',
  { complaintId: string; subjectId: string; corrected: Partial<ComplainantDetails>; reason: string; correctedAt: string }
>;

/** An allegation recorded under the wrong IOPC category, put right; the reason is the complainant's personal data. */
export type AllegationCategoryCorrected = DomainEvent<
  'AllegationCategoryCorrected',
  { complaintId: string; allegationId: string; complainantSubjectId: string; corrected: { category: string }; reason: string; correctedAt: string }
>;

export type ComplaintEvent =
  | ComplaintLogged
  | AllegationCategoryCorrected
  | ComplainantDetailsCorrected
  | ComplainantContacted
  | HandlingOutsideSchedule3Started
  | AllegationAdded
  | ResolvedOutsideSchedule3
  | ComplaintRecorded
  | ReferredToPsd
  | ReferredToIopc
  | ComplainantUpdated
  | OutcomeDecided
  | OutcomeNotified
  | ReviewRequested
  | ReviewDecided
  | IopcReviewDecisionReceived
  | LongRunningReportMade
  | ComplaintWithdrawn;

export const complaintEventDefinitions = [
  defineEvent({
    type: 'ComplaintLogged',
    schemaVersion: 1,
    personalData: [
      { subjectIdPath: 'complainant.subjectId', fields: ['complainant.name', 'complainant.email', 'complainant.phone', 'complainant.address', 'summary'] },
      { subjectIdPath: 'subjects[].subjectId', fields: ['subjects[].identifier'] },
    ],
  }),
  defineEvent({
    type: 'ComplainantDetailsCorrected',
    schemaVersion: 1,
    personalData: [{ subjectIdPath: 'subjectId', fields: ['corrected.name', 'corrected.email', 'corrected.phone', 'corrected.address', 'reason'] }],
  }),
  defineEvent({ type: 'AllegationCategoryCorrected', schemaVersion: 1, personalData: [{ subjectIdPath: 'complainantSubjectId', fields: ['reason'] }] }),
  defineEvent({ type: 'ComplainantContacted', schemaVersion: 1, personalData: [{ subjectIdPath: 'subjectId', fields: ['views'] }] }),
  defineEvent({ type: 'HandlingOutsideSchedule3Started', schemaVersion: 1, personalData: [] }),
  defineEvent({
    type: 'AllegationAdded',
    schemaVersion: 1,
    personalData: [
      { subjectIdPath: 'complainantSubjectId', fields: ['description'] },
      { subjectIdPath: 'subject.subjectId', fields: ['subject.identifier'] },
    ],
  }),
  defineEvent({ type: 'ResolvedOutsideSchedule3', schemaVersion: 1, personalData: [{ subjectIdPath: 'subjectId', fields: ['summary'] }] }),
  defineEvent({ type: 'ComplaintRecorded', schemaVersion: 1, personalData: [] }),
  defineEvent({ type: 'ReferredToPsd', schemaVersion: 1, personalData: [{ subjectIdPath: 'subjectId', fields: ['reason'] }] }),
  defineEvent({ type: 'ReferredToIopc', schemaVersion: 1, personalData: [{ subjectIdPath: 'subjectId', fields: ['reason'] }] }),
  defineEvent({ type: 'ComplainantUpdated', schemaVersion: 1, personalData: [{ subjectIdPath: 'subjectId', fields: ['summary'] }] }),
  defineEvent({ type: 'OutcomeDecided', schemaVersion: 1, personalData: [] }),
  defineEvent({ type: 'OutcomeNotified', schemaVersion: 1, personalData: [] }),
  defineEvent({ type: 'ReviewRequested', schemaVersion: 1, personalData: [] }),
  defineEvent({ type: 'ReviewDecided', schemaVersion: 1, personalData: [] }),
  defineEvent({ type: 'IopcReviewDecisionReceived', schemaVersion: 1, personalData: [{ subjectIdPath: 'subjectId', fields: ['recommendations'] }] }),
  defineEvent({ type: 'LongRunningReportMade', schemaVersion: 1, personalData: [] }),
  defineEvent({ type: 'ComplaintWithdrawn', schemaVersion: 1, personalData: [{ subjectIdPath: 'subjectId', fields: ['reason'] }] }),
];
