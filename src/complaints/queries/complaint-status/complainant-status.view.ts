import { londonDate, type CalendarDate } from '../../../calendar/working-days.ts';
import type { OutcomeResult } from '../../domain/complaint.events.ts';
import { complaintStage, handlingFinished, reviewBodyOf, type ComplaintStage, type LoggedComplaint } from '../../domain/complaint.state.ts';
import type { ReviewBody } from '../../domain/criteria.ts';

/**
 * What the complainant may be told: where their complaint stands and what they may do next.
 * Nothing internal (notes, learning, referral reasons) and nothing about the officers complained of.
 */
export interface ComplainantStatusView {
  reference: string;
  stage: ComplainantStage;
  receivedOn: CalendarDate;
  lastUpdateOn: CalendarDate | null;
  /** When they hear from us next: first the contact to seek their views (due from receipt, triaged or not), then each progress update. */
  nextUpdateDue: CalendarDate | null;
  /** That day has passed in England without it. */
  nextUpdateOverdue: boolean;
  /** Only once the complainant has been told it. */
  outcome: { result: OutcomeResult; decidedOn: CalendarDate; toldOn: CalendarDate } | null;
  /** Schedule 3: the complainant may ask for recording at any time, informal handling or not, until it is recorded or withdrawn. */
  mayAskForRecording: boolean;
  review: {
    body: ReviewBody;
    applyBy: CalendarDate;
    mayApply: boolean;
    requestedOn: CalendarDate | null;
    upheld: boolean | null;
    /** The day the review body decided: the PCC's decision, or the day the IOPC's reached us. */
    decidedOn: CalendarDate | null;
  } | null;
}

export type ComplainantStage =
  | 'received'
  | 'being-resolved'
  | 'resolved'
  | 'recorded'
  | 'being-investigated'
  | 'outcome-decided'
  | 'under-review'
  | 'review-decided'
  | 'withdrawn'
  | 'discontinued';

const COMPLAINANT_STAGE: Record<ComplaintStage, ComplainantStage> = {
  logged: 'received',
  'handling-outside-schedule-3': 'being-resolved',
  resolved: 'resolved',
  'resolution-unsatisfactory': 'resolved',
  recorded: 'recorded',
  'referred-to-psd': 'being-investigated',
  'referred-to-iopc': 'being-investigated',
  // Decided but not yet told: the complainant hears the outcome from us first, not from this page.
  'outcome-decided': 'being-investigated',
  'outcome-notified': 'outcome-decided',
  'review-requested': 'under-review',
  'review-decided': 'review-decided',
  withdrawn: 'withdrawn',
  'discontinued-repetitive': 'discontinued',
};

export function toComplainantStatus(complaint: LoggedComplaint, now: Date): ComplainantStatusView {
  const { outcome, reviewWindow, review } = complaint;
  const told = [complaint.contact?.lastAt, complaint.updates.lastAt, complaint.resolution?.at, outcome?.notifiedAt].filter((at): at is string => Boolean(at));
  const lastUpdate = told.sort().at(-1);
  const nextUpdateDue = nextHeardFrom(complaint);
  return {
    reference: complaint.reference,
    stage: COMPLAINANT_STAGE[complaintStage(complaint)],
    receivedOn: londonDate(complaint.receivedAt),
    lastUpdateOn: lastUpdate ? londonDate(lastUpdate) : null,
    nextUpdateDue,
    nextUpdateOverdue: nextUpdateDue !== null && nextUpdateDue < londonDate(now),
    outcome: outcome?.notifiedAt ? { result: outcome.result, decidedOn: londonDate(outcome.decidedAt), toldOn: londonDate(outcome.notifiedAt) } : null,
    mayAskForRecording: !complaint.recording && !complaint.withdrawal,
    review: reviewWindow && {
      body: review?.body ?? reviewBodyOf(complaint).body,
      applyBy: reviewWindow.closes,
      mayApply: !review && londonDate(now) <= reviewWindow.closes,
      requestedOn: review && londonDate(review.receivedAt),
      upheld: review?.decision?.upheld ?? null,
      decidedOn: review?.decision ? londonDate(review.decision.at) : null,
    },
  };
}

function nextHeardFrom(complaint: LoggedComplaint): CalendarDate | null {
  if (handlingFinished(complaint)) return null;
  const due = [complaint.contact ? null : complaint.contactDueBy, complaint.updates.nextDue].filter((date): date is CalendarDate => date !== null);
  return due.sort()[0] ?? null;
}
