import type { CalendarDate, WorkingDayCalendar } from '../../../calendar/working-days.ts';
import type { ReviewBody } from '../../domain/criteria.ts';
import type { ComplaintsReport, Count } from './complaints-report.query.ts';

/** The period's totals, each one aggregate over complaint_list's report columns. */
export interface ComplaintTotals {
  logged: number;
  recorded: number;
  handledOutsideSchedule3: number;
  withdrawn: number;
  contacted: number;
  contactWorkingDays: number;
  finalised: number;
}

export interface ReviewTotals {
  body: ReviewBody;
  received: number;
  decided: number;
  upheld: number;
}

/**
 * How many finalised complaints were received, and how many finalised, on each day: the working days
 * to finalise are one subtraction of running counts per day, so the calendar (with the bank holidays
 * an administrator added since) is applied to a few hundred days, never to each complaint. Only
 * complaints finalised after the day of receipt are counted here; the others took 0 working days.
 */
export interface FinaliseDays {
  received: { day: CalendarDate; count: number }[];
  finalised: { day: CalendarDate; count: number }[];
}

/** In the report's order. */
const REVIEW_BODIES: readonly ReviewBody[] = ['pcc', 'iopc'];

const average = (sum: number, count: number) => (count === 0 ? null : Math.round((sum / count) * 10) / 10);

export const byCountThenKey = (a: Count, b: Count) => b.count - a.count || a.key.localeCompare(b.key);

/** Working days from receipt to finalisation summed over the complaints: Σ (W(finalised) − W(received)). */
export function workingDaysToFinalise(days: FinaliseDays, calendar: WorkingDayCalendar): number {
  const all = [...days.received, ...days.finalised];
  if (all.length === 0) return 0;
  // Any day not after every other one anchors the running count; W(anchor) cancels out.
  const anchor = all.reduce((earliest, { day }) => (day < earliest ? day : earliest), all[0]!.day);
  const sumOf = (counts: FinaliseDays['received']) => counts.reduce((sum, { day, count }) => sum + count * calendar.workingDaysBetween(anchor, day), 0);
  return sumOf(days.finalised) - sumOf(days.received);
}

export function complaintsReport(
  period: { from: string; to: string },
  totals: ComplaintTotals,
  allegations: readonly Count[],
  reasons: readonly Count[],
  finaliseDays: FinaliseDays,
  reviews: readonly ReviewTotals[],
  calendar: WorkingDayCalendar,
  labelOf: (category: string) => string,
): Omit<ComplaintsReport, 'equality'> {
  const reviewsBy = (body: ReviewBody) => reviews.find((review) => review.body === body) ?? { body, received: 0, decided: 0, upheld: 0 };
  return {
    period,
    logged: totals.logged,
    recorded: totals.recorded,
    handledOutsideSchedule3: totals.handledOutsideSchedule3,
    withdrawn: totals.withdrawn,
    allegationsByCategory: [...allegations].sort(byCountThenKey).map((count) => ({ ...count, label: labelOf(count.key) })),
    reasonsForRecording: [...reasons].sort(byCountThenKey),
    workingDaysToContact: { average: average(totals.contactWorkingDays, totals.contacted), complaints: totals.contacted },
    workingDaysToFinalise: { average: average(workingDaysToFinalise(finaliseDays, calendar), totals.finalised), complaints: totals.finalised },
    reviews: REVIEW_BODIES.map(reviewsBy),
  };
}
