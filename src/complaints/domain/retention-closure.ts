import { addDays, londonDayStart } from '../../calendar/working-days.ts';
import type { LoggedComplaint } from './complaint.state.ts';

/** When a complaint closed for the retention schedule, and how: a code, never the complainant's own words. */
export interface RetentionClosure {
  at: string;
  reason: 'withdrawn' | 'discontinued-repetitive' | 'review-decided' | 'no-review-requested' | 'resolved-outside-schedule-3';
}

/**
 * Its withdrawal, else the decision on its review. An outcome told with no review asked for closes once no review
 * may be asked for in time: at the start of the London day after the review window's last day. A review requested
 * since (a supervisor's acceptance of a late one too), or a recording under Schedule 3 after a resolution outside
 * it, opens the complaint again until it ends once more.
 */
export function retentionClosureOf({ withdrawal, review, outcome, reviewWindow, route, resolution }: LoggedComplaint): RetentionClosure | null {
  if (withdrawal) return { at: withdrawal.at, reason: withdrawal.repetitiveOf ? 'discontinued-repetitive' : 'withdrawn' };
  if (review) return review.decision ? { at: review.decision.at, reason: 'review-decided' } : null;
  if (outcome?.notifiedAt && reviewWindow) return { at: londonDayStart(addDays(reviewWindow.closes, 1)), reason: 'no-review-requested' };
  if (route === 'outside-schedule-3' && resolution) return { at: resolution.at, reason: 'resolved-outside-schedule-3' };
  return null;
}
