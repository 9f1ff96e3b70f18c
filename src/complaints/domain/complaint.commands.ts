import type { CalendarDate, WorkingDayCalendar } from '../../calendar/working-days.ts';
import type { ComplainantMessageChannel } from './complainant-messages.events.ts';
import type { MessageFailure } from '../../shared/domain/notify-message.ts';
import type { CommandMetadata } from '../../shared/domain/decider.ts';
import type { AddCaseNote } from '../../shared/domain/case-note.ts';
import type { StatusLinkCommand } from '../../shared/domain/status-link.ts';
import type { DeclaredDemographics } from '../../shared/domain/demographics.ts';
import type { RecordDemographics } from '../../shared/domain/demographics.events.ts';
import type { AllegationSubjectDetails, Complainant, ComplainantDetails, ComplaintChannel, ComplaintSubject, OutcomeResult, RecordingReason, ReferralBody } from './complaint.events.ts';
import type { CriteriaFlags } from './criteria.ts';

/** What the Customer Response Team asks of a complaint: imperatives, with the clock and calendar they need. */
export interface LogComplaint {
  type: 'LogComplaint';
  complaintId: string;
  reference: string;
  receivedAt: string;
  channel: ComplaintChannel;
  complainant: Complainant;
  summary: string;
  incidentDate: CalendarDate | null;
  subjects: ComplaintSubject[];
  wantsRecording: boolean;
  /** The complainant's equality-monitoring answers, if given on logging. */
  demographics?: ComplainantDemographics | null;
  calendar: WorkingDayCalendar;
  metadata: CommandMetadata;
}

/**
 * A complaint holds no date of birth, so the complainant may give one with their answers: it places them in an
 * age band at the incident and is not kept.
 */
export interface ComplainantDemographics extends DeclaredDemographics {
  dateOfBirth?: CalendarDate | null;
}

export type RecordComplainantDemographics = RecordDemographics & ComplainantDemographics;

export interface ContactComplainant {
  type: 'ContactComplainant';
  at: string;
  channel: ComplaintChannel;
  views: string;
  calendar: WorkingDayCalendar;
  metadata: CommandMetadata;
}

/** An allegation as the officer states it; the decider numbers it within the complaint. */
export interface NewAllegation {
  category: string;
  description: string;
  subject: ComplaintSubject;
  criteria: CriteriaFlags;
}

export interface HandleOutsideSchedule3 {
  type: 'HandleOutsideSchedule3';
  allegations: NewAllegation[];
  /** When the decision took effect, if given; now otherwise. */
  at?: string;
  metadata: CommandMetadata;
}

export interface ResolveOutsideSchedule3 {
  type: 'ResolveOutsideSchedule3';
  summary: string;
  complainantSatisfied: boolean;
  /** When the decision took effect, if given; now otherwise. */
  at?: string;
  metadata: CommandMetadata;
}

export interface RecordComplaint {
  type: 'RecordComplaint';
  reason: RecordingReason;
  allegations: NewAllegation[];
  /** When the decision took effect, if given; now otherwise. */
  at?: string;
  metadata: CommandMetadata;
}

export interface ReferComplaint {
  type: 'ReferComplaint';
  to: ReferralBody;
  reason: string;
  /** When the decision took effect, if given; now otherwise. */
  at?: string;
  metadata: CommandMetadata;
}

export interface UpdateComplainant {
  type: 'UpdateComplainant';
  at: string;
  channel: ComplaintChannel;
  summary: string;
  metadata: CommandMetadata;
}

/** A progress update sent through GOV.UK Notify: it counts as given once delivered. */
export interface SendComplainantUpdate {
  type: 'SendComplainantUpdate';
  messageId: string;
  channel: ComplainantMessageChannel;
  /** The Notify template configured for progress updates by this channel, if any. */
  templateId: string | null;
  summary: string;
  personalisation: Record<string, string>;
  metadata: CommandMetadata;
}

export interface RecordComplainantMessageDelivered {
  type: 'RecordComplainantMessageDelivered';
  messageId: string;
  at: string;
  metadata: CommandMetadata;
}

export interface RecordComplainantMessageFailed {
  type: 'RecordComplainantMessageFailed';
  messageId: string;
  reason: MessageFailure;
  at: string;
  metadata: CommandMetadata;
}

export interface DecideOutcome {
  type: 'DecideOutcome';
  result: OutcomeResult;
  learning: string | null;
  decidedAt: string;
  calendar: WorkingDayCalendar;
  metadata: CommandMetadata;
}

export interface NotifyOutcome {
  type: 'NotifyOutcome';
  at: string;
  calendar: WorkingDayCalendar;
  metadata: CommandMetadata;
}

export interface RequestReview {
  type: 'RequestReview';
  receivedAt: string;
  metadata: CommandMetadata;
}

export interface DecideReview {
  type: 'DecideReview';
  upheld: boolean;
  recommendations: string | null;
  /** When the PCC decided, if given; now otherwise. */
  at?: string;
  metadata: CommandMetadata;
}

/** The IOPC reviewed the outcome; the CRT records its decision when it arrives. */
export interface RecordIopcReviewDecision {
  type: 'RecordIopcReviewDecision';
  upheld: boolean;
  recommendations: string | null;
  receivedAt: string;
  metadata: CommandMetadata;
}

export interface ReportLongRunning {
  type: 'ReportLongRunning';
  at: string;
  metadata: CommandMetadata;
}

export interface WithdrawComplaint {
  type: 'WithdrawComplaint';
  reason: string;
  /** When the decision took effect, if given; now otherwise. */
  at?: string;
  metadata: CommandMetadata;
}

export interface DiscontinueRepetitive {
  type: 'DiscontinueRepetitive';
  /** The complaint this one repeats, as logged (its existence is checked before the command). */
  earlierComplaint: { id: string; receivedAt: string };
  reason: string;
  /** When the decision took effect, if given; now otherwise. */
  at?: string;
  metadata: CommandMetadata;
}

/** A review request received after the 28 days, accepted by a supervisor for an exceptional reason. */
export interface AcceptLateReviewRequest {
  type: 'AcceptLateReviewRequest';
  receivedAt: string;
  reason: string;
  /** The supervisor's user id, from their token. */
  supervisor: string;
  metadata: CommandMetadata;
}

/** Puts the complainant's recorded details right: a field left out stays as it is, null clears it. */
export interface CorrectComplainantDetails {
  type: 'CorrectComplainantDetails';
  corrected: Partial<ComplainantDetails>;
  reason: string;
  metadata: CommandMetadata;
}

export interface CorrectAllegationCategory {
  type: 'CorrectAllegationCategory';
  allegationId: string;
  category: string;
  reason: string;
  metadata: CommandMetadata;
}

/** Puts right who an allegation is about: a detail left out stays as it is, a null identifier clears it. */
export interface CorrectAllegationSubject {
  type: 'CorrectAllegationSubject';
  allegationId: string;
  corrected: Partial<AllegationSubjectDetails>;
  reason: string;
  metadata: CommandMetadata;
}

export type ComplaintCommand =
  | LogComplaint
  | CorrectAllegationCategory
  | CorrectAllegationSubject
  | CorrectComplainantDetails
  | ContactComplainant
  | HandleOutsideSchedule3
  | ResolveOutsideSchedule3
  | RecordComplaint
  | ReferComplaint
  | UpdateComplainant
  | SendComplainantUpdate
  | RecordComplainantMessageDelivered
  | RecordComplainantMessageFailed
  | DecideOutcome
  | NotifyOutcome
  | RequestReview
  | DecideReview
  | RecordIopcReviewDecision
  | ReportLongRunning
  | WithdrawComplaint
  | AddCaseNote
  | DiscontinueRepetitive
  | AcceptLateReviewRequest
  | RecordComplainantDemographics
  | StatusLinkCommand;
