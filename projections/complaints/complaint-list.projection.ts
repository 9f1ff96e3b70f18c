import { complaintEventDefinitions, type ComplaintEvent } from '../../src/complaints/domain/complaint.events.ts';
import { complaintStage, evolveComplaint, initialComplaint, type Complaint, type LoggedComplaint } from '../../src/complaints/domain/complaint.state.ts';
import { nextDue } from '../../src/complaints/domain/due-dates.ts';
import type { Projection } from '../runner/projection.ts';

/** One row per complaint: the Customer Response Team's list. Columns are those of complaint_list. */
export interface ComplaintListRow {
  [column: string]: unknown;
  id: string;
  reference: string;
  stage: string;
  route: string;
  categories: string[];
  complainant_name: string;
  next_due: string | null;
  received_at: string;
  revision: number;
  updated_at: string;
  /** The complaint folded by the domain's own evolve, so the list never re-implements its rules. */
  state: LoggedComplaint;
}

export const complaintListProjection: Projection<ComplaintListRow> = {
  name: 'complaint-list',
  version: 2,
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
      received_at: state.receivedAt,
      revision: recorded.revision,
      updated_at: recorded.recordedAt.toISOString(),
      state,
    };
  },
};
