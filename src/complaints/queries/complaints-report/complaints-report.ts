import { londonDate, type WorkingDayCalendar } from '../../../calendar/working-days.ts';
import type { LoggedComplaint } from '../../domain/complaint.state.ts';
import type { ReviewBody } from '../../domain/criteria.ts';
import type { ComplaintsReport, Count } from './complaints-report.query.ts';

/**
 * Finalised: resolved outside Schedule 3 (unless recorded since), or the outcome of a recorded
 * complaint decided. Withdrawn complaints are not finalised by handling, so they do not count.
 */
function finalisedAt(complaint: LoggedComplaint): string | null {
  if (complaint.withdrawal) return null;
  if (complaint.route === 'recorded') return complaint.outcome?.decidedAt ?? null;
  return complaint.resolution?.at ?? null;
}

const average = (values: readonly number[]) => (values.length === 0 ? null : Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10);

function counted(keys: readonly string[]): Count[] {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

export function complaintsReport(
  complaints: readonly LoggedComplaint[],
  period: { from: string; to: string },
  calendar: WorkingDayCalendar,
  labelOf: (category: string) => string,
): ComplaintsReport {
  const recorded = complaints.filter((complaint) => complaint.recording);
  const contacted = complaints.flatMap((complaint) => (complaint.contact ? [complaint.contact.workingDaysFromReceipt] : []));
  const finalised = complaints.flatMap((complaint) => {
    const at = finalisedAt(complaint);
    return at ? [calendar.workingDaysBetween(londonDate(complaint.receivedAt), londonDate(at))] : [];
  });
  const reviewsBy = (body: ReviewBody) => {
    const reviews = complaints.flatMap((complaint) => (complaint.review?.body === body ? [complaint.review] : []));
    return { body, received: reviews.length, decided: reviews.filter((review) => review.decision).length, upheld: reviews.filter((review) => review.decision?.upheld).length };
  };
  return {
    period,
    logged: complaints.length,
    recorded: recorded.length,
    handledOutsideSchedule3: complaints.filter((complaint) => complaint.handlingStartedAt !== null).length,
    withdrawn: complaints.filter((complaint) => complaint.withdrawal).length,
    allegationsByCategory: counted(complaints.flatMap((complaint) => complaint.allegations.map((allegation) => allegation.category))).map((count) => ({ ...count, label: labelOf(count.key) })),
    reasonsForRecording: counted(recorded.map((complaint) => complaint.recording!.reason)),
    workingDaysToContact: { average: average(contacted), complaints: contacted.length },
    workingDaysToFinalise: { average: average(finalised), complaints: finalised.length },
    reviews: [reviewsBy('pcc'), reviewsBy('iopc')],
  };
}
