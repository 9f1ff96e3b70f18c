import { londonDate, type CalendarDate } from '../../../calendar/working-days.ts';
import type { TimelineEntry } from '../../../../projections/timeline/case-timeline.projection.ts';
import type { Settings } from '../../../settings/settings.ts';
import { statusLinkView, type StatusLinkView } from '../../../shared/domain/status-link.ts';
import { complaintStage, handlingFinished, reviewBodyOf, type ComplaintRoute, type ComplaintStage, type LoggedComplaint } from '../../domain/complaint.state.ts';
import type { CriteriaFlags, IopcReviewReason, ReviewBody } from '../../domain/criteria.ts';
import { outstandingDeadlines, type DeadlineKind } from '../../domain/due-dates.ts';
import { iopcReferralCriteria } from '../../domain/complaint.decide.ts';
import { onCalendar } from '../../domain/deadlines.ts';

/** A due date as the CRT sees it: overdue once its day has passed in England without it being met. */
export interface DueDate {
  dueBy: CalendarDate;
  /** When it was met, if it was. */
  metAt: string | null;
  overdue: boolean;
}

/** A complaint as the Customer Response Team sees it. */
export interface ComplaintView {
  id: string;
  reference: string;
  revision: number;
  stage: ComplaintStage;
  route: ComplaintRoute;
  receivedAt: string;
  channel: string;
  /** subjectId names the complainant as a data subject (for erasure), without being personal itself. */
  complainant: { subjectId: string; name: string; email: string | null; phone: string | null; address: string | null };
  /** Corrections of the complainant's details, with why; the details above are the corrected ones. */
  corrections: LoggedComplaint['corrections'];
  summary: string;
  incidentDate: CalendarDate | null;
  subjects: { kind: string; identifier: string | null }[];
  wantsRecording: boolean;
  contact: { firstAt: string; workingDaysFromReceipt: number; lastAt: string } | null;
  allegations: { id: string; category: { id: string; label: string }; description: string; subject: { kind: string; identifier: string | null }; criteria: CriteriaFlags; addedAt: string }[];
  resolution: LoggedComplaint['resolution'];
  recording: LoggedComplaint['recording'];
  referral: { to: 'psd' | 'iopc'; reason: string; at: string } | null;
  referrals: LoggedComplaint['referrals'];
  /** The criteria that make referral to the IOPC mandatory (the PSD alone is refused). */
  iopcReferralRequiredFor: string[];
  outcome: LoggedComplaint['outcome'];
  review: LoggedComplaint['review'];
  /** A supervisor accepted the review request after the 28 days: why, who and when. */
  lateReviewAcceptance: { reason: string; supervisor: string; at: string } | null;
  /** Who would review the outcome if the complainant applied now. */
  reviewBody: { body: ReviewBody; iopcReasons: IopcReviewReason[] };
  withdrawal: LoggedComplaint['withdrawal'];
  due: {
    contact: DueDate;
    nextUpdate: DueDate | null;
    outcomeNotification: DueDate | null;
    reviewWindow: { opens: CalendarDate; closes: CalendarDate; open: boolean } | null;
    longRunningReport: (DueDate & { reportsMade: number }) | null;
  };
  /** Any outstanding duty is overdue. */
  overdue: boolean;
  nextDue: CalendarDate | null;
  /** The complainant's page of their own (issue 19): the link's expiry and whether it works now, not the link. */
  statusLink: StatusLinkView | null;
  timeline: TimelineEntry[];
}

export function toComplaintView(stored: LoggedComplaint, revision: number, timeline: TimelineEntry[], settings: Settings, now: Date): ComplaintView {
  const complaint = onCalendar(stored, settings.calendar);
  const today = londonDate(now);
  const outstanding = new Map<DeadlineKind, CalendarDate>(outstandingDeadlines(complaint).map(({ kind, dueBy }) => [kind, dueBy]));
  const due = (kind: DeadlineKind, dueBy: CalendarDate, metAt: string | null): DueDate => ({ dueBy, metAt, overdue: outstanding.has(kind) && dueBy < today });
  const { outcome, longRunning, reviewWindow } = complaint;
  const updateDue = complaint.updates.nextDue;
  const nextDue = [...outstanding.values()].sort()[0] ?? null;
  const person = ({ kind, identifier }: { kind: string; identifier: string | null }) => ({ kind, identifier });
  const wouldReview = reviewBodyOf(complaint);
  return {
    id: complaint.id,
    reference: complaint.reference,
    revision,
    stage: complaintStage(complaint),
    route: complaint.route,
    receivedAt: complaint.receivedAt,
    channel: complaint.channel,
    complainant: complaint.complainant,
    corrections: complaint.corrections,
    summary: complaint.summary,
    incidentDate: complaint.incidentDate,
    subjects: complaint.subjects.map(person),
    wantsRecording: complaint.wantsRecording,
    contact: complaint.contact,
    allegations: complaint.allegations.map((allegation) => ({
      id: allegation.allegationId,
      category: { id: allegation.category, label: settings.labelOf('complaintCategories', allegation.category) },
      description: allegation.description,
      subject: person(allegation.subject),
      criteria: allegation.criteria,
      addedAt: allegation.addedAt,
    })),
    resolution: complaint.resolution,
    recording: complaint.recording,
    referral: complaint.referrals.at(-1) ?? null,
    referrals: complaint.referrals,
    iopcReferralRequiredFor: complaint.recording ? iopcReferralCriteria(complaint) : [],
    outcome,
    review: complaint.review,
    lateReviewAcceptance: complaint.lateReviewAcceptance ?? null,
    reviewBody: complaint.review ? { body: complaint.review.body, iopcReasons: complaint.review.iopcReasons } : { body: wouldReview.body, iopcReasons: wouldReview.reasons },
    withdrawal: complaint.withdrawal,
    due: {
      contact: due('contact', complaint.contactDueBy, complaint.contact?.firstAt ?? null),
      nextUpdate: updateDue && !handlingFinished(complaint) ? due('progress-update', updateDue, null) : null,
      outcomeNotification: outcome ? due('outcome-notification', outcome.notifyBy, outcome.notifiedAt) : null,
      reviewWindow: reviewWindow && { ...reviewWindow, open: !complaint.review && today <= reviewWindow.closes },
      longRunningReport: longRunning && !handlingFinished(complaint) ? { ...due('long-running-report', longRunning.nextReportDue, null), reportsMade: longRunning.reportsMade } : null,
    },
    overdue: nextDue !== null && nextDue < today,
    nextDue,
    statusLink: statusLinkView(complaint.statusLink, now),
    timeline,
  };
}
