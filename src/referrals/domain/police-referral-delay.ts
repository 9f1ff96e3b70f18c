import { CalendarNotCovered, londonDate, type WorkingDayCalendar } from '../../calendar/working-days.ts';
import type { ReferralSource } from './referral.events.ts';
import type { ReceivedReferral } from './referral.state.ts';

/** DOMAIN.md: police pass a victim's details within 2 working days of the crime report. */
export const POLICE_REFERRAL_WORKING_DAYS = 2;

/** Working days from the crime being reported to the referral; unknown without a report date or past the calendar's years. */
export function workingDaysFromReport(referral: Pick<ReceivedReferral, 'crimeReportedOn' | 'receivedAt'>, calendar: WorkingDayCalendar): number | null {
  if (!referral.crimeReportedOn) return null;
  try {
    return calendar.workingDaysBetween(referral.crimeReportedOn, londonDate(referral.receivedAt));
  } catch (error) {
    if (error instanceof CalendarNotCovered) return null;
    throw error;
  }
}

/** A police referral that reached the office later than that; unknown is not flagged. */
export const policeReferralDelayed = (source: ReferralSource | string, workingDays: number | null): boolean =>
  source === 'police' && workingDays !== null && workingDays > POLICE_REFERRAL_WORKING_DAYS;
