import { lastStartOverdue, type CalendarDate, type WorkingDayCalendar } from '../../calendar/working-days.ts';
import type { CrimeType } from '../../settings/domain/crime-types.ts';
import { proposalFor } from './priority-groups.ts';
import type { CriminalJusticeUpdate, ReceivedReferral } from './referral.state.ts';

/** Victims' Code: victims hear of a development within 5 working days, enhanced victims within 1. */
const UPDATE_WORKING_DAYS = { standard: 5, enhanced: 1 };

/**
 * Enhanced from receipt: before the assessment, a victim the system proposes for a priority group (crime
 * type as configured, age at the offence) is entitled; the assessment then confirms or overrides it.
 */
export function entitledNow(referral: ReceivedReferral, crimeTypes: readonly Pick<CrimeType, 'id' | 'priorityGroup'>[]): boolean {
  return referral.assessment ? referral.assessment.enhanced : proposalFor(referral, crimeTypes).length > 0;
}

/** An update follows the latest assessment; before one, the entitlement proposed when it was learned. */
export function updateEntitled(referral: Pick<ReceivedReferral, 'assessment'>, update: CriminalJusticeUpdate): boolean {
  return referral.assessment ? referral.assessment.enhanced : update.enhancedWhenLearned;
}

/** The last day (in England) to tell the victim, on the calendar as it stands now, not as it stood when learned. */
export function updateDueBy(referral: Pick<ReceivedReferral, 'assessment'>, update: CriminalJusticeUpdate, calendar: WorkingDayCalendar): CalendarDate {
  return calendar.dueAfter(update.learnedAt, updateWorkingDays(updateEntitled(referral, update)));
}

/** Working days an update may take, for the entitlement it runs under. */
export const updateWorkingDays = (enhanced: boolean): number => (enhanced ? UPDATE_WORKING_DAYS.enhanced : UPDATE_WORKING_DAYS.standard);

/** The last day an update could be learned and be overdue today (a list's `learned_on <= this day`). */
export const lastDayLearnedOverdue = (calendar: WorkingDayCalendar, today: CalendarDate, enhanced: boolean): CalendarDate =>
  lastStartOverdue(calendar, today, updateWorkingDays(enhanced));
