import { resolutionEventDefinitions, type ResolutionEvent } from '../../src/resolutions/domain/resolution.events.ts';
import { evolveResolution, initialResolution, resolutionStatus, type ProposedResolution, type Resolution } from '../../src/resolutions/domain/resolution.state.ts';
import type { Projection } from '../runner/projection.ts';

/** One row per Community Resolution: the officers' list and the reports. Columns are those of resolution_list. */
export interface ResolutionListRow {
  [column: string]: unknown;
  id: string;
  status: string;
  outcome: string | null;
  offence_type_id: string;
  crime_reference: string;
  offender_name: string;
  open_remedies: number;
  next_remedy_due: string | null;
  proposed_at: string;
  closed_at: string | null;
  revision: number;
  updated_at: string;
  /** The resolution folded by the domain's own evolve, so the read side never re-implements its rules. */
  state: ProposedResolution;
}

export const resolutionListProjection: Projection<ResolutionListRow> = {
  name: 'resolution-list',
  version: 1,
  table: 'resolution_list',
  holdsPersonalData: true,
  eventTypes: resolutionEventDefinitions.map((definition) => definition.type),
  rowIdOf: (event) => (event.data as { resolutionId: string }).resolutionId,
  evolve(row, recorded) {
    const previous: Resolution = row?.state ?? initialResolution();
    const state = evolveResolution(previous, { type: recorded.type, data: recorded.data } as unknown as ResolutionEvent);
    if (state.status === 'none') return row;
    const openDueDates = state.remedies.filter((remedy) => remedy.status === 'open').map((remedy) => remedy.dueDate);
    return {
      id: state.id,
      status: resolutionStatus(state),
      outcome: state.closure?.outcome ?? null,
      offence_type_id: state.offenceTypeId,
      crime_reference: state.crimeReference,
      offender_name: state.offender.name,
      open_remedies: openDueDates.length,
      next_remedy_due: openDueDates.sort()[0] ?? null,
      proposed_at: state.proposedAt,
      closed_at: state.closure?.at ?? null,
      revision: recorded.revision,
      updated_at: recorded.recordedAt.toISOString(),
      state,
    };
  },
};
