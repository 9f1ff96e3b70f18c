import { londonDate, type CalendarDate, type WorkingDayCalendar } from '../../calendar/working-days.ts';
import { CONTACT_TARGET_WORKING_DAYS, OUTCOME_NOTIFICATION_WORKING_DAYS } from './deadlines.ts';
import { handlingFinished, type LoggedComplaint } from './complaint.state.ts';

export type DeadlineKind = 'contact' | 'progress-update' | 'outcome-notification' | 'long-running-report';

export interface Deadline {
  kind: DeadlineKind;
  dueBy: CalendarDate;
}

/** What the office still owes on the complaint, each by a date; met or lapsed duties drop out. */
export function outstandingDeadlines(complaint: LoggedComplaint): Deadline[] {
  const deadlines: Deadline[] = [];
  const finished = handlingFinished(complaint);
  if (!complaint.contact && !finished) deadlines.push({ kind: 'contact', dueBy: complaint.contactDueBy });
  if (complaint.updates.nextDue && !finished) deadlines.push({ kind: 'progress-update', dueBy: complaint.updates.nextDue });
  if (complaint.outcome && !complaint.outcome.notifiedAt) deadlines.push({ kind: 'outcome-notification', dueBy: complaint.outcome.notifyBy });
  if (complaint.longRunning && !finished) deadlines.push({ kind: 'long-running-report', dueBy: complaint.longRunning.nextReportDue });
  return deadlines;
}

/**
 * Where the outstanding deadlines' clocks stand, for a list that reads them on the calendar as it stands: the
 * days the working-day clocks started (first contact from receipt, telling the outcome from the decision), and
 * the earliest of the others, which count calendar days or months and no calendar moves.
 */
export interface DueClocks {
  contactFrom: CalendarDate | null;
  notifyFrom: CalendarDate | null;
  fixedDue: CalendarDate | null;
}

export function dueClocks(complaint: LoggedComplaint): DueClocks {
  const deadlines = outstandingDeadlines(complaint);
  const owes = (kind: DeadlineKind) => deadlines.some((deadline) => deadline.kind === kind);
  const fixed = deadlines.filter(({ kind }) => kind !== 'contact' && kind !== 'outcome-notification').map(({ dueBy }) => dueBy).sort();
  return {
    contactFrom: owes('contact') ? londonDate(complaint.receivedAt) : null,
    notifyFrom: owes('outcome-notification') ? londonDate(complaint.outcome!.decidedAt) : null,
    fixedDue: fixed[0] ?? null,
  };
}

/** The earliest due date of the clocks on this calendar: the CRT's lists sort by it. */
export function nextDueOn(clocks: DueClocks, calendar: WorkingDayCalendar): CalendarDate | null {
  const dates = [
    clocks.fixedDue,
    clocks.contactFrom && calendar.addWorkingDays(clocks.contactFrom, CONTACT_TARGET_WORKING_DAYS),
    clocks.notifyFrom && calendar.addWorkingDays(clocks.notifyFrom, OUTCOME_NOTIFICATION_WORKING_DAYS),
  ].filter((date): date is CalendarDate => date !== null);
  return dates.sort()[0] ?? null;
}
