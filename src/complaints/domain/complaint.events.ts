import type { CalendarDate } from '../../calendar/working-days.ts';
import { complainantMessageEventDefinitions, type ComplainantMessageEvent } from './complainant-messages.events.ts';
import { complainantStatusLinkEventDefinitions, type ComplainantStatusLinkEvent } from './status-link.events.ts';
import { caseText, defineEvent, sameShape, type PersonalDataSpec } from '../../personal-data/event-definition.ts';
import type { DomainEvent } from '../../shared/domain/decider.ts';
import { caseNoteEvent, type CaseNote } from '../../shared/domain/case-note.ts';
import { demographicsEvent, type DemographicsRecordedData } from '../../shared/domain/demographics.events.ts';
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
    /** The complainant; the description is free text sealed under the case. */
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

/** Free-text reasons may name anyone of the complaint: sealed under the case (`caseText`). */
export type ReferredToPsd = DomainEvent<'ReferredToPsd', { complaintId: string; subjectId: string; reason: string; referredAt: string }>;
export type ReferredToIopc = DomainEvent<
  'ReferredToIopc',
  { complaintId: string; subjectId: string; reason: string; referredAt: string; mandatoryCriteria: Criterion[] }
>;

export type ComplainantUpdated = DomainEvent<
  'ComplainantUpdated',
  { complaintId: string; subjectId: string; at: string; channel: ComplaintChannel; summary: string; nextUpdateDue: CalendarDate }
>;

/** Learning and recommendations are free text that may name people: sealed under the case. */
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
 * the CRT records. Its recommendations are free text about the complaint, sealed under the case.
 */
export type IopcReviewDecisionReceived = DomainEvent<
  'IopcReviewDecisionReceived',
  { complaintId: string; subjectId: string; upheld: boolean; recommendations: string | null; receivedAt: string }
>;

export type LongRunningReportMade = DomainEvent<'LongRunningReportMade', { complaintId: string; reportNumber: number; at: string; nextReportDue: CalendarDate }>;

export type ComplaintWithdrawn = DomainEvent<'ComplaintWithdrawn', { complaintId: string; subjectId: string; reason: string; withdrawnAt: string }>;

/** Ended without further handling: it repeats an earlier complaint with no fresh evidence. The reason is the complainant's personal data. */
export type RepetitiveComplaintDiscontinued = DomainEvent<
  'RepetitiveComplaintDiscontinued',
  { complaintId: string; subjectId: string; earlierComplaintId: string; reason: string; discontinuedAt: string }
>;

/** A supervisor accepted a review request received after the 28 days, for an exceptional reason (the complainant's personal data); `ReviewRequested` follows. */
export type LateReviewRequestAccepted = DomainEvent<'LateReviewRequestAccepted', { complaintId: string; subjectId: string; reason: string; supervisor: string; acceptedAt: string }>;

export type ComplaintNoteAdded = DomainEvent<'ComplaintNoteAdded', { complaintId: string } & CaseNote>;

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

/**
 * Who an allegation is about, put right (the wrong kind of subject, a mistyped collar number): only what changed
 * (null clears the identifier). The identifier stays the subject's own data, sealed under their id.
 */
export type AllegationSubjectCorrected = DomainEvent<
  'AllegationSubjectCorrected',
  { complaintId: string; allegationId: string; subjectId: string; corrected: Partial<AllegationSubjectDetails>; reason: string; correctedAt: string }
>;

/** What a correction of an allegation's subject may change. */
export type AllegationSubjectDetails = Omit<ComplaintSubject, 'subjectId'>;

/** The complainant's equality-monitoring answers, on logging or later; each record replaces the last. */
export type ComplainantDemographicsRecorded = DomainEvent<'ComplainantDemographicsRecorded', DemographicsRecordedData<'complaintId'>>;

export type ComplaintEvent =
  | ComplaintLogged
  | AllegationCategoryCorrected
  | AllegationSubjectCorrected
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
  | ComplaintWithdrawn
  | ComplaintNoteAdded
  | RepetitiveComplaintDiscontinued
  | LateReviewRequestAccepted
  | ComplainantDemographicsRecorded
  | ComplainantMessageEvent
  | ComplainantStatusLinkEvent;

const complainantFields = { subjectIdPath: 'complainant.subjectId', fields: ['complainant.name', 'complainant.email', 'complainant.phone', 'complainant.address'] };
const subjectsIdentifiers = { subjectIdPath: 'subjects[].subjectId', fields: ['subjects[].identifier'] };
const allegationSubject = { subjectIdPath: 'subject.subjectId', fields: ['subject.identifier'] };
/** Version 1 sealed the free text under the complainant alone (or, with no path, not at all); version 2 under the case (`caseText`). */
const complainantsOwn = (...fields: string[]) => ({ 1: fields.length ? [{ subjectIdPath: 'subjectId', fields }] : [] });
/** A version 2 whose only change is that the free text at `fields` is sealed under the case. */
const freeTextOfCase = (fields: string[], earlier: Record<number, PersonalDataSpec[]>) => ({
  schemaVersion: 2,
  upcasters: { 1: sameShape },
  earlierPersonalData: earlier,
  personalData: [caseText('complaintId', fields)],
});

export const complaintEventDefinitions = [
  defineEvent({
    type: 'ComplaintLogged',
    schemaVersion: 2,
    upcasters: { 1: sameShape },
    earlierPersonalData: { 1: [{ ...complainantFields, fields: [...complainantFields.fields, 'summary'] }, subjectsIdentifiers] },
    personalData: [complainantFields, subjectsIdentifiers, caseText('complaintId', ['summary'])],
    plain: ['complaintId', 'reference', 'receivedAt', 'channel', 'complainant.subjectId', 'incidentDate', 'subjects[].subjectId', 'subjects[].kind', 'contactDueBy'],
  }),
  defineEvent({
    type: 'ComplainantDetailsCorrected',
    schemaVersion: 1,
    personalData: [{ subjectIdPath: 'subjectId', fields: ['corrected.name', 'corrected.email', 'corrected.phone', 'corrected.address'] }, caseText('complaintId', ['reason'])],
    plain: ['complaintId', 'subjectId', 'correctedAt'],
  }),
  defineEvent({
    type: 'AllegationCategoryCorrected',
    schemaVersion: 1,
    personalData: [caseText('complaintId', ['reason'])],
    plain: ['complaintId', 'allegationId', 'complainantSubjectId', 'corrected.category', 'correctedAt'],
  }),
  defineEvent({
    type: 'AllegationSubjectCorrected',
    schemaVersion: 1,
    personalData: [{ subjectIdPath: 'subjectId', fields: ['corrected.identifier'] }, caseText('complaintId', ['reason'])],
    plain: ['complaintId', 'allegationId', 'subjectId', 'corrected.kind', 'correctedAt'],
  }),
  defineEvent({ type: 'ComplainantContacted', ...freeTextOfCase(['views'], complainantsOwn('views')), plain: ['complaintId', 'subjectId', 'at', 'channel'] }),
  defineEvent({ type: 'HandlingOutsideSchedule3Started', schemaVersion: 1, personalData: [], plain: ['complaintId', 'startedAt', 'nextUpdateDue'] }),
  defineEvent({
    type: 'AllegationAdded',
    schemaVersion: 2,
    upcasters: { 1: sameShape },
    earlierPersonalData: { 1: [{ subjectIdPath: 'complainantSubjectId', fields: ['description'] }, allegationSubject] },
    personalData: [allegationSubject, caseText('complaintId', ['description'])],
    plain: ['complaintId', 'allegationId', 'complainantSubjectId', 'category', 'subject.subjectId', 'subject.kind', 'addedAt'],
  }),
  defineEvent({ type: 'ResolvedOutsideSchedule3', ...freeTextOfCase(['summary'], complainantsOwn('summary')), plain: ['complaintId', 'subjectId', 'resolvedAt'] }),
  defineEvent({ type: 'ComplaintRecorded', schemaVersion: 1, personalData: [], plain: ['complaintId', 'reason', 'recordedAt', 'nextUpdateDue'] }),
  defineEvent({ type: 'ReferredToPsd', ...freeTextOfCase(['reason'], complainantsOwn('reason')), plain: ['complaintId', 'subjectId', 'referredAt'] }),
  defineEvent({ type: 'ReferredToIopc', ...freeTextOfCase(['reason'], complainantsOwn('reason')), plain: ['complaintId', 'subjectId', 'referredAt', 'mandatoryCriteria[]'] }),
  defineEvent({ type: 'ComplainantUpdated', ...freeTextOfCase(['summary'], complainantsOwn('summary')), plain: ['complaintId', 'subjectId', 'at', 'channel', 'nextUpdateDue'] }),
  defineEvent({ type: 'OutcomeDecided', ...freeTextOfCase(['learning'], complainantsOwn()), plain: ['complaintId', 'result', 'decidedAt', 'notifyBy'] }),
  defineEvent({ type: 'OutcomeNotified', schemaVersion: 1, personalData: [], plain: ['complaintId', 'at', 'reviewWindow.opens', 'reviewWindow.closes'] }),
  defineEvent({ type: 'ReviewRequested', schemaVersion: 1, personalData: [], plain: ['complaintId', 'receivedAt', 'reviewBody', 'iopcReasons[]'] }),
  defineEvent({ type: 'ReviewDecided', ...freeTextOfCase(['recommendations'], complainantsOwn()), plain: ['complaintId', 'decidedAt'] }),
  defineEvent({
    type: 'IopcReviewDecisionReceived',
    ...freeTextOfCase(['recommendations'], complainantsOwn('recommendations')),
    plain: ['complaintId', 'subjectId', 'receivedAt'],
  }),
  defineEvent({ type: 'LongRunningReportMade', schemaVersion: 1, personalData: [], plain: ['complaintId', 'at', 'nextReportDue'] }),
  defineEvent({ type: 'ComplaintWithdrawn', ...freeTextOfCase(['reason'], complainantsOwn('reason')), plain: ['complaintId', 'subjectId', 'withdrawnAt'] }),
  caseNoteEvent('ComplaintNoteAdded', 'complaintId'),
  defineEvent({
    type: 'RepetitiveComplaintDiscontinued',
    schemaVersion: 1,
    personalData: [caseText('complaintId', ['reason'])],
    plain: ['complaintId', 'subjectId', 'earlierComplaintId', 'discontinuedAt'],
  }),
  defineEvent({ type: 'LateReviewRequestAccepted', schemaVersion: 1, personalData: [caseText('complaintId', ['reason'])], plain: ['complaintId', 'subjectId', 'supervisor', 'acceptedAt'] }),
  demographicsEvent('ComplainantDemographicsRecorded', 'complaintId'),
  ...complainantMessageEventDefinitions,
  ...complainantStatusLinkEventDefinitions,
];
