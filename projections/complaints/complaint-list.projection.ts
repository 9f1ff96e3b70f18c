import { complaintEventDefinitions, type ComplaintEvent } from '../../src/complaints/domain/complaint.events.ts';
import { londonDate } from '../../src/calendar/working-days.ts';
import { complaintStage, evolveComplaint, initialComplaint, type Complaint, type LoggedComplaint } from '../../src/complaints/domain/complaint.state.ts';
import { dueClocks, nextDue, type DueClocks } from '../../src/complaints/domain/due-dates.ts';
import { demographicsColumns, type DemographicsColumns } from '../runner/demographics-columns.ts';
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
  /** The earliest due date as the calendar stood when projected: the list's order. Due and overdue come from the clocks below. */
  next_due: string | null;
  contact_due_from: string | null;
  notify_due_from: string | null;
  fixed_due: string | null;
  received_at: string;
  revision: number;
  updated_at: string;
  /** The complaint folded by the domain's own evolve, so the list never re-implements its rules. */
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
  version: 8,
  table: 'complaint_list',
  holdsPersonalData: true,
  eventTypes: complaintEventDefinitions.map((definition) => definition.type),
  rowIdOf: (event) => (event.data as { complaintId: string }).complaintId,
  evolve(row, recorded) {
    const previous: Complaint = row?.state ?? initialComplaint();
    const state = evolveComplaint(previous, { type: recorded.type, data: recorded.data } as unknown as ComplaintEvent);
    if (state.status === 'none') return row;
    return {
      id: state.id,
      reference: state.reference,
      stage: complaintStage(state),
      route: state.route,
      categories: [...new Set(state.allegations.map((allegation) => allegation.category))],
      complainant_name: state.complainant.name,
      next_due: nextDue(state),
      ...clockColumns(dueClocks(state)),
      received_at: state.receivedAt,
      revision: recorded.revision,
      updated_at: recorded.recordedAt.toISOString(),
      state,
      ...reportColumns(state),
      ...demographicsColumns(state.demographics),
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
  };
}

function clockColumns({ contactFrom, notifyFrom, fixedDue }: DueClocks): Pick<ComplaintListRow, 'contact_due_from' | 'notify_due_from' | 'fixed_due'> {
  return { contact_due_from: contactFrom, notify_due_from: notifyFrom, fixed_due: fixedDue };
}
