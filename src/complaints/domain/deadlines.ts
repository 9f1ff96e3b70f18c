import { addDays, londonDate, type CalendarDate, type WorkingDayCalendar } from '../../calendar/working-days.ts';
import type { LoggedComplaint } from './complaint.state.ts';

/** The office's service standard for first contact with a complainant (no statute sets one). */
export const CONTACT_TARGET_WORKING_DAYS = 2;
/** A progress update within 4 weeks of handling starting, and every 4 weeks after. */
export const UPDATE_INTERVAL_DAYS = 28;
/** The complainant is told the outcome within 5 working days of the decision. */
export const OUTCOME_NOTIFICATION_WORKING_DAYS = 5;
/** An application for review within 28 days starting the day after the outcome is given. */
export const REVIEW_WINDOW_DAYS = 28;
/** An investigation unfinished after 12 months is reported to the PCC, then every 6 months. */
export const LONG_RUNNING_FIRST_MONTHS = 12;
export const LONG_RUNNING_INTERVAL_MONTHS = 6;

export function nextUpdateDueAfter(instant: string): CalendarDate {
  return addDays(londonDate(instant), UPDATE_INTERVAL_DAYS);
}

/** Day 1 is the day after the outcome is given; day 28 is the last day an application is in time. */
export function reviewWindowAfter(notifiedAt: string): { opens: CalendarDate; closes: CalendarDate } {
  const opens = addDays(londonDate(notifiedAt), 1);
  return { opens, closes: addDays(opens, REVIEW_WINDOW_DAYS - 1) };
}

/** When the n-th (1-based) long-running report to the PCC falls due for a complaint received at `receivedAt`. */
export function longRunningReportDue(receivedAt: string, reportNumber: number): CalendarDate {
  return addMonths(londonDate(receivedAt), LONG_RUNNING_FIRST_MONTHS + LONG_RUNNING_INTERVAL_MONTHS * (reportNumber - 1));
}

/** Calendar months on, clamped to the month's last day (31 August + 6 months → 28/29 February). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/**
 * The complaint with its working-day deadlines (first contact, telling the outcome) counted on the calendar
 * as it stands: a bank holiday added after the event that started a clock still moves it. The events keep
 * the dates as they stood then.
 */
export function onCalendar(complaint: LoggedComplaint, calendar: WorkingDayCalendar): LoggedComplaint {
  const { receivedAt, outcome } = complaint;
  return {
    ...complaint,
    contactDueBy: calendar.dueAfter(receivedAt, CONTACT_TARGET_WORKING_DAYS),
    outcome: outcome && { ...outcome, notifyBy: calendar.dueAfter(outcome.decidedAt, OUTCOME_NOTIFICATION_WORKING_DAYS) },
  };
}
