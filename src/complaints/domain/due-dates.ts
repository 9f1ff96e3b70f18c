import type { CalendarDate } from '../../calendar/working-days.ts';
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

/** The earliest outstanding due date: the CRT's lists sort by it. */
export function nextDue(complaint: LoggedComplaint): CalendarDate | null {
  return outstandingDeadlines(complaint).reduce<CalendarDate | null>((earliest, { dueBy }) => (earliest === null || dueBy < earliest ? dueBy : earliest), null);
}
