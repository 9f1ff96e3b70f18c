import { complaintEventDefinitions, type ComplaintEvent } from '../../src/complaints/domain/complaint.events.ts';
import { londonDate, type WorkingDayCalendar } from '../../src/calendar/working-days.ts';
import { lastStartOverdueOnEither } from '../runner/working-day-rows.ts';
import { complaintStage, evolveComplaint, initialComplaint, type Complaint, type LoggedComplaint } from '../../src/complaints/domain/complaint.state.ts';
import { retentionClosureOf } from '../../src/complaints/domain/retention-closure.ts';
import { dueClocks, nextDueOn, type DueClocks } from '../../src/complaints/domain/due-dates.ts';
import { CONTACT_TARGET_WORKING_DAYS, OUTCOME_NOTIFICATION_WORKING_DAYS } from '../../src/complaints/domain/deadlines.ts';
import { CALENDAR_CHANGE_TYPES } from '../runner/calendar-history.ts';
import { apartFromDemographics, type DemographicsColumns } from '../runner/demographics-columns.ts';
import type { Projection } from '../runner/projection.ts';

/**
 * One row per complaint: the Customer Response Team's list. Columns are those of complaint_list; the complainant's
 * demographics (DemographicsColumns, version 8) are counted by the report, never listed.
 */
export interface ComplaintListRow extends DemographicsColumns {
  [column: string]: unknown;
  id: string;
  reference: string;
  stage: string;
  route: string;
  categories: string[];
  complainant_name: string;
  /**
   * The earliest due date on the calendar as it stands (counted again when a bank holiday is added or retired): the
   * list's order. Due and overdue come from the clocks below.
   */
  next_due: string | null;
  contact_due_from: string | null;
  notify_due_from: string | null;
  fixed_due: string | null;
  received_at: string;
  revision: number;
  updated_at: string;
  /** The complaint folded by the domain's own evolve, so the list never re-implements its rules; its demographics are in the columns only. */
  state: LoggedComplaint;
  // The complaints report's figures (version 3): aggregated by PostgreSQL over the day of receipt.
  /** The day of receipt in England: report periods filter on it. */
  received_day: string;
  /** One entry per allegation (a category repeats), in the order added. */
  allegation_categories: string[];
  recording_reason: string | null;
  handled_outside_schedule_3: boolean;
  withdrawn: boolean;
  /** Working days from receipt to first contact, as the calendar counted them when contact was recorded. */
  contact_working_days: number | null;
  /** The day in England the complaint was finalised (see finalisedAt); working days to it are counted by the report. */
  finalised_day: string | null;
  review_body: string | null;
  review_decided: boolean;
  review_upheld: boolean;
  /**
   * When the complaint closed for the retention schedule, and how (a code: the withdrawal's own reason is the
   * complainant's free text, which a disposal certificate must not keep): its withdrawal, the decision on its review,
   * its outcome's review window shutting with no review asked for, or its resolution outside Schedule 3 (see closure).
   */
  closed_at: string | null;
  closure_reason: string | null;
}

/**
 * Finalised: resolved outside Schedule 3 (unless recorded since), or the outcome of a recorded
 * complaint decided. Withdrawn complaints are not finalised by handling, so they do not count.
 */
export function finalisedAt(complaint: LoggedComplaint): string | null {
  if (complaint.withdrawal) return null;
  if (complaint.route === 'recorded') return complaint.outcome?.decidedAt ?? null;
  return complaint.resolution?.at ?? null;
}

export const complaintListProjection: Projection<ComplaintListRow> = {
  name: 'complaint-list',
  // 4: rows record their data subjects and streams, so a decision about a subject folds only its rows again.
  // 5: where the working-day clocks started, for due dates on the calendar as it stands.
  // 6: the folded state keeps the progress updates sent through Notify (issue 19).
  // 7: the folded state keeps corrections of the complainant's details and of allegations' categories.
  // 8: the complainant's demographics, for the complaints report's equality breakdowns.
  // 9: the earliest due date on the calendar as it stands, not as it stood when each clock started.
  // 10: complaints that end with no review (resolved outside Schedule 3, or the review window shut) close for retention;
  // the folded state keeps no demographics (the columns do).
  version: 10,
  table: 'complaint_list',
  holdsPersonalData: true,
  eventTypes: [...complaintEventDefinitions.map((definition) => definition.type), ...CALENDAR_CHANGE_TYPES],
  rowPerStream: true,
  rowIdOf: (event) => (event.data as { complaintId: string }).complaintId,
  workingDays: {
    reckon: (row, calendar) => ({ ...row, next_due: nextDueOn(clocksOf(row), calendar) }),
    // A working-day clock started on a day after the last start it has run out from by then.
    spanning: (day, before, after) => ({
      where: '(t.contact_due_from > $1::date AND t.contact_due_from < $3::date) OR (t.notify_due_from > $2::date AND t.notify_due_from < $3::date)',
      values: [...[CONTACT_TARGET_WORKING_DAYS, OUTCOME_NOTIFICATION_WORKING_DAYS].map((workingDays) => lastStartOverdueOnEither(day, workingDays, before, after)), day],
    }),
  },
  evolve(row, recorded, calendar) {
    const previous: Complaint = row ? row.state : initialComplaint();
    const state = evolveComplaint(previous, { type: recorded.type, data: recorded.data } as unknown as ComplaintEvent);
    if (state.status === 'none') return row;
    return {
      id: state.id,
      reference: state.reference,
      stage: complaintStage(state),
      route: state.route,
      categories: [...new Set(state.allegations.map((allegation) => allegation.category))],
      complainant_name: state.complainant.name,
      ...clockColumns(dueClocks(state), calendar),
      received_at: state.receivedAt,
      revision: recorded.revision,
      updated_at: recorded.recordedAt.toISOString(),
      ...apartFromDemographics(state, row),
      ...reportColumns(state),
    };
  },
};

function reportColumns(state: LoggedComplaint) {
  const finalised = finalisedAt(state);
  return {
    received_day: londonDate(state.receivedAt),
    allegation_categories: state.allegations.map((allegation) => allegation.category),
    recording_reason: state.recording?.reason ?? null,
    handled_outside_schedule_3: state.handlingStartedAt !== null,
    withdrawn: state.withdrawal !== null,
    contact_working_days: state.contact?.workingDaysFromReceipt ?? null,
    finalised_day: finalised === null ? null : londonDate(finalised),
    review_body: state.review?.body ?? null,
    review_decided: Boolean(state.review?.decision),
    review_upheld: state.review?.decision?.upheld ?? false,
    ...closure(state),
  };
}

function closure(state: LoggedComplaint): Pick<ComplaintListRow, 'closed_at' | 'closure_reason'> {
  const closed = retentionClosureOf(state);
  return { closed_at: closed?.at ?? null, closure_reason: closed?.reason ?? null };
}

function clockColumns(clocks: DueClocks, calendar: WorkingDayCalendar): Pick<ComplaintListRow, 'next_due' | 'contact_due_from' | 'notify_due_from' | 'fixed_due'> {
  return { next_due: nextDueOn(clocks, calendar), contact_due_from: clocks.contactFrom, notify_due_from: clocks.notifyFrom, fixed_due: clocks.fixedDue };
}

function clocksOf(row: ComplaintListRow): DueClocks {
  return { contactFrom: row.contact_due_from, notifyFrom: row.notify_due_from, fixedDue: row.fixed_due };
}
