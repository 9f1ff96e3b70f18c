import type { Settings } from '../../src/settings/settings.ts';
import type { Random } from '../../src/seed/random.ts';
import { assessedReferral } from '../../src/seed/referral-histories.ts';
import type { WorkingTime } from '../../src/seed/working-time.ts';

/** Support outlasts this; older journeys are closed, so open caseloads look like a working office's. */
const SUPPORT_WORKING_DAYS = 40;

/**
 * A victim journey cut to what the lists and the Beacon report read (five or six events rather than the
 * demo's nine): received, assigned, assessed, then declined and closed, or accepted with a contact
 * contract (which sets the next contact due) and closed once support has run its course.
 */
export function caseloadReferral(random: Random, time: WorkingTime, settings: Settings, now: Date, caseManagers: readonly string[], historyDays: number) {
  const { history, step, riskLevel, enhanced, assessed } = assessedReferral(random, time, settings, now, { caseManagers, historyDays });
  if (!assessed) return history;
  if (random.chance(0.3)) {
    step(random.int(0, 2), (metadata) => ({ type: 'DeclineSupport', reason: random.pick(['wants-to-move-on', 'supported-elsewhere', 'no-longer-needed']), metadata }));
    step(random.int(1, 3), (metadata) => ({ type: 'CloseCase', reason: 'declined', failureThreshold: settings.contactFailureThreshold, metadata }));
    return history;
  }
  step(0, (metadata) => ({ type: 'AcceptSupport', metadata }));
  const frequency = enhanced || riskLevel === 'high' ? 'weekly' : random.pick(['fortnightly', 'monthly'] as const);
  step(0, (metadata) => ({ type: 'AgreeContactContract', frequency, channel: 'phone', safeTimes: null, metadata }));
  step(SUPPORT_WORKING_DAYS + random.int(-10, 10), (metadata) => ({ type: 'CloseCase', reason: 'support-completed', failureThreshold: settings.contactFailureThreshold, metadata }));
  return history;
}
