import { statusLinkOf, type StatusLink } from '../../shared/domain/status-link.ts';
import type { CalendarDate } from '../../calendar/working-days.ts';
import type { ComplainantMessageChannel } from './complainant-messages.events.ts';
import { correctedFields } from '../../shared/domain/corrections.ts';
import { assertNever } from '../../shared/domain/decider.ts';
import type { Demographics } from '../../shared/domain/demographics.ts';
import { demographicsOf } from '../../shared/domain/demographics.events.ts';
import type { AllegationAdded, ComplaintEvent, ComplaintLogged, OutcomeResult, RecordingReason, ReferralBody } from './complaint.events.ts';
import { reviewBodyFor, type CriteriaFlags, type IopcReviewReason, type ReviewBody } from './criteria.ts';
import { longRunningReportDue } from './deadlines.ts';

type LoggedDetails = Omit<ComplaintLogged['data'], 'complaintId'>;

export type Allegation = Omit<AllegationAdded['data'], 'complaintId' | 'complainantSubjectId'> & { criteria: CriteriaFlags };

export type ComplaintRoute = 'untriaged' | 'outside-schedule-3' | 'recorded';

export interface LoggedComplaint extends LoggedDetails {
  status: 'logged';
  id: string;
  route: ComplaintRoute;
  contact: { firstAt: string; workingDaysFromReceipt: number; lastAt: string } | null;
  handlingStartedAt: string | null;
  allegations: Allegation[];
  resolution: { summary: string; complainantSatisfied: boolean; at: string } | null;
  recording: { reason: RecordingReason; at: string } | null;
  referrals: { to: ReferralBody; reason: string; at: string }[];
  updates: { lastAt: string | null; nextDue: CalendarDate | null };
  outcome: { result: OutcomeResult; learning: string | null; decidedAt: string; notifyBy: CalendarDate; notifiedAt: string | null; notifiedInTime: boolean | null } | null;
  reviewWindow: { opens: CalendarDate; closes: CalendarDate } | null;
  /** The decision is the review body's: `at` is when the PCC decided, or when the IOPC's decision was received. */
  review: { receivedAt: string; body: ReviewBody; iopcReasons: IopcReviewReason[]; decision: { upheld: boolean; recommendations: string | null; at: string } | null } | null;
  longRunning: { reportsMade: number; lastReportAt: string | null; nextReportDue: CalendarDate } | null;
  /** Ended without further handling: withdrawn, or discontinued as a repetition of the complaint `repetitiveOf`. */
  withdrawal: { reason: string; at: string; repetitiveOf?: string } | null;
  /** A supervisor accepted the review request after the 28 days (absent from rows folded before this existed). */
  lateReviewAcceptance?: { reason: string; supervisor: string; at: string };
  /** Progress updates sent through GOV.UK Notify, given once delivered. */
  messages: { id: string; channel: ComplainantMessageChannel; summary: string; outcome: 'pending' | 'delivered' | 'failed' }[];
  /** Each correction of the complainant's details (`of: 'complainant'`) or of an allegation's category (`of` its id): which fields, why, when; the values above are the corrected ones. */
  corrections: { of: string; fields: string[]; reason: string; at: string }[];
  /** The link to the complainant's own page, while one is given and not revoked (absent from rows folded before links existed). */
  statusLink?: StatusLink | null;
  /** Equality monitoring: never shown on the case, counted only in reports (absent from the list's rows, which keep them in columns). */
  demographics?: Demographics | null;
}

export type Complaint = { status: 'none' } | LoggedComplaint;

export const initialComplaint = (): Complaint => ({ status: 'none' });

/** Where the complaint stands, derived from the facts rather than stored beside them. */
export type ComplaintStage =
  | 'logged'
  | 'handling-outside-schedule-3'
  | 'resolved'
  | 'resolution-unsatisfactory'
  | 'recorded'
  | 'referred-to-psd'
  | 'referred-to-iopc'
  | 'outcome-decided'
  | 'outcome-notified'
  | 'review-requested'
  | 'review-decided'
  | 'withdrawn'
  | 'discontinued-repetitive';

export function complaintStage(complaint: LoggedComplaint): ComplaintStage {
  if (complaint.withdrawal) return complaint.withdrawal.repetitiveOf ? 'discontinued-repetitive' : 'withdrawn';
  if (complaint.review) return complaint.review.decision ? 'review-decided' : 'review-requested';
  if (complaint.outcome) return complaint.outcome.notifiedAt ? 'outcome-notified' : 'outcome-decided';
  if (complaint.recording) {
    const referredTo = latestReferral(complaint);
    return referredTo ? `referred-to-${referredTo}` : 'recorded';
  }
  if (complaint.resolution) return complaint.resolution.complainantSatisfied ? 'resolved' : 'resolution-unsatisfactory';
  return complaint.route === 'outside-schedule-3' ? 'handling-outside-schedule-3' : 'logged';
}

export function latestReferral(complaint: LoggedComplaint): ReferralBody | null {
  return complaint.referrals.at(-1)?.to ?? null;
}

/** Handling has ended: withdrawn, resolved outside Schedule 3 and not recorded since, or an outcome decided. */
export function handlingFinished(complaint: LoggedComplaint): boolean {
  if (complaint.withdrawal || complaint.outcome) return true;
  return complaint.route === 'outside-schedule-3' && complaint.resolution !== null;
}

/** An update restarts the 4 weeks from its own date, but never brings the due date forward. */
export function laterUpdateDue(current: CalendarDate | null, fromUpdate: CalendarDate): CalendarDate {
  return current !== null && current > fromUpdate ? current : fromUpdate;
}

export function concernsChiefOfficer(complaint: LoggedComplaint): boolean {
  return [...complaint.subjects, ...complaint.allegations.map((allegation) => allegation.subject)].some((subject) => subject.kind === 'chief-officer');
}

/** Who would review the outcome if the complainant applied now (stored on ReviewRequested when they do). */
export function reviewBodyOf(complaint: LoggedComplaint): { body: ReviewBody; reasons: IopcReviewReason[] } {
  return reviewBodyFor({
    flagSets: complaint.allegations.map((allegation) => allegation.criteria),
    concernsChiefOfficer: concernsChiefOfficer(complaint),
    referredToIopc: complaint.referrals.some((referral) => referral.to === 'iopc'),
  });
}

export function evolveComplaint(state: Complaint, event: ComplaintEvent): Complaint {
  if (event.type === 'ComplaintLogged') {
    const { complaintId, ...details } = event.data;
    return {
      status: 'logged',
      id: complaintId,
      ...details,
      route: 'untriaged',
      contact: null,
      handlingStartedAt: null,
      allegations: [],
      resolution: null,
      recording: null,
      referrals: [],
      updates: { lastAt: null, nextDue: null },
      messages: [],
      outcome: null,
      reviewWindow: null,
      review: null,
      longRunning: null,
      withdrawal: null,
      corrections: [],
      demographics: null,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ComplainantContacted': {
      const { at, workingDaysFromReceipt } = event.data;
      const first = state.contact && state.contact.firstAt <= at ? state.contact : { firstAt: at, workingDaysFromReceipt };
      return { ...state, contact: { ...first, lastAt: state.contact && state.contact.lastAt > at ? state.contact.lastAt : at } };
    }
    case 'HandlingOutsideSchedule3Started':
      return { ...state, route: 'outside-schedule-3', handlingStartedAt: event.data.startedAt, updates: { ...state.updates, nextDue: event.data.nextUpdateDue } };
    case 'AllegationAdded': {
      const { complaintId: _complaint, complainantSubjectId: _subject, ...allegation } = event.data;
      return { ...state, allegations: [...state.allegations, allegation] };
    }
    case 'ResolvedOutsideSchedule3': {
      const { summary, complainantSatisfied, resolvedAt } = event.data;
      return { ...state, resolution: { summary, complainantSatisfied, at: resolvedAt }, updates: { ...state.updates, nextDue: null } };
    }
    case 'ComplaintRecorded': {
      const { reason, recordedAt, nextUpdateDue } = event.data;
      return {
        ...state,
        route: 'recorded',
        recording: { reason, at: recordedAt },
        updates: { ...state.updates, nextDue: nextUpdateDue },
        longRunning: { reportsMade: 0, lastReportAt: null, nextReportDue: longRunningReportDue(state.receivedAt, 1) },
      };
    }
    case 'ReferredToPsd':
      return { ...state, referrals: [...state.referrals, { to: 'psd', reason: event.data.reason, at: event.data.referredAt }] };
    case 'ReferredToIopc':
      return { ...state, referrals: [...state.referrals, { to: 'iopc', reason: event.data.reason, at: event.data.referredAt }] };
    case 'ComplainantUpdated': {
      // An update entered late, older than the last one or than the start of the clock, moves nothing back.
      const { at, nextUpdateDue } = event.data;
      const lastAt = state.updates.lastAt && Date.parse(state.updates.lastAt) > Date.parse(at) ? state.updates.lastAt : at;
      return { ...state, updates: { lastAt, nextDue: laterUpdateDue(state.updates.nextDue, nextUpdateDue) } };
    }
    case 'OutcomeDecided': {
      const { result, learning, decidedAt, notifyBy } = event.data;
      return { ...state, outcome: { result, learning, decidedAt, notifyBy, notifiedAt: null, notifiedInTime: null }, updates: { ...state.updates, nextDue: null } };
    }
    case 'OutcomeNotified': {
      const outcome = state.outcome && { ...state.outcome, notifiedAt: event.data.at, notifiedInTime: event.data.notifiedInTime };
      return { ...state, outcome, reviewWindow: event.data.reviewWindow };
    }
    case 'ReviewRequested': {
      const { receivedAt, reviewBody, iopcReasons } = event.data;
      return { ...state, review: { receivedAt, body: reviewBody, iopcReasons, decision: null } };
    }
    case 'ReviewDecided': {
      const { upheld, recommendations, decidedAt } = event.data;
      return { ...state, review: state.review && { ...state.review, decision: { upheld, recommendations, at: decidedAt } } };
    }
    case 'IopcReviewDecisionReceived': {
      const { upheld, recommendations, receivedAt } = event.data;
      return { ...state, review: state.review && { ...state.review, decision: { upheld, recommendations, at: receivedAt } } };
    }
    case 'LongRunningReportMade': {
      const { reportNumber, at, nextReportDue } = event.data;
      return { ...state, longRunning: { reportsMade: reportNumber, lastReportAt: at, nextReportDue } };
    }
    case 'AllegationCategoryCorrected': {
      const { allegationId, corrected, reason, correctedAt } = event.data;
      const allegations = state.allegations.map((allegation) => (allegation.allegationId === allegationId ? { ...allegation, ...corrected } : allegation));
      return { ...state, allegations, corrections: [...state.corrections, { of: allegationId, fields: correctedFields(corrected), reason, at: correctedAt }] };
    }
    case 'AllegationSubjectCorrected': {
      const { allegationId, corrected, reason, correctedAt } = event.data;
      const allegations = state.allegations.map((allegation) => (allegation.allegationId === allegationId ? { ...allegation, subject: { ...allegation.subject, ...corrected } } : allegation));
      const fields = correctedFields(corrected).map((field) => `subject.${field}`);
      return { ...state, allegations, corrections: [...state.corrections, { of: allegationId, fields, reason, at: correctedAt }] };
    }
    case 'ComplainantDetailsCorrected': {
      const { corrected, reason, correctedAt } = event.data;
      return { ...state, complainant: { ...state.complainant, ...corrected }, corrections: [...state.corrections, { of: 'complainant', fields: correctedFields(corrected), reason, at: correctedAt }] };
    }
    case 'ComplaintWithdrawn':
      return { ...state, withdrawal: { reason: event.data.reason, at: event.data.withdrawnAt }, updates: { ...state.updates, nextDue: null } };
    case 'ComplaintNoteAdded':
    case 'ComplaintNoteFromComplainantAdded':
      return state;
    case 'ComplainantDemographicsRecorded':
      return { ...state, demographics: demographicsOf(event.data) };
    case 'ComplainantStatusLinkGiven':
      return { ...state, statusLink: statusLinkOf(event.data) };
    case 'ComplainantStatusLinkRevoked':
      return { ...state, statusLink: null };
    case 'RepetitiveComplaintDiscontinued': {
      const { reason, discontinuedAt, earlierComplaintId } = event.data;
      return { ...state, withdrawal: { reason, at: discontinuedAt, repetitiveOf: earlierComplaintId }, updates: { ...state.updates, nextDue: null } };
    }
    case 'LateReviewRequestAccepted':
      return { ...state, lateReviewAcceptance: { reason: event.data.reason, supervisor: event.data.supervisor, at: event.data.acceptedAt } };
    case 'ComplainantMessageQueued': {
      const { messageId, channel, summary } = event.data;
      return { ...state, messages: [...state.messages, { id: messageId, channel, summary, outcome: 'pending' }] };
    }
    case 'ComplainantMessageDelivered':
    case 'ComplainantMessageFailed': {
      const outcome = event.type === 'ComplainantMessageDelivered' ? 'delivered' : 'failed';
      return { ...state, messages: state.messages.map((message) => (message.id === event.data.messageId ? { ...message, outcome } : message)) };
    }
    default:
      return assertNever(event);
  }
}
