import { resolutionEventDefinitions, type ResolutionEvent } from '../../src/resolutions/domain/resolution.events.ts';
import { londonDate } from '../../src/calendar/working-days.ts';
import { evolveResolution, initialResolution, resolutionStatus, type ProposedResolution, type Resolution } from '../../src/resolutions/domain/resolution.state.ts';
import { apartFromDemographics, type DemographicsColumns } from '../runner/demographics-columns.ts';
import type { Projection } from '../runner/projection.ts';

/**
 * One row per Community Resolution: the officers' list and the reports. Columns are those of resolution_list; the
 * offender's demographics (DemographicsColumns, version 6) are counted by the report, never listed.
 */
export interface ResolutionListRow extends DemographicsColumns {
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
  // The Community Resolutions report's figures (version 2): aggregated by PostgreSQL over the day proposed.
  /** The day in England it was proposed: report periods filter on it. */
  proposed_day: string;
  has_victims: boolean;
  /** Every victim's views were sought (and there is at least one victim). */
  victims_consulted: boolean;
  /** Per remedy, in the order agreed: its type, whether the victim chose it, and its status. */
  remedy_types: string[];
  remedy_chosen: boolean[];
  remedy_statuses: string[];
  /** Remedies agreed other than the one the victim chose (with an override reason). */
  remedies_overridden: number;
  hours_agreed: number;
  hours_done: number;
  /** In pence. */
  amount_agreed: number;
  amount_paid: number;
}

export const resolutionListProjection: Projection<ResolutionListRow> = {
  name: 'resolution-list',
  // 3: the folded state keeps the supervisor's decision as its own event recorded it (two statuses wait on it),
  // ready-to-close only once every victim was told (informing-victims before), and remedies keep excessHoursReason.
  // 4: rows record their data subjects and streams, so a decision about a subject folds only its rows again.
  // 5: the folded state keeps corrections of the offence and of people's names and contacts.
  // 6: the offender's demographics, for the Community Resolutions report's equality breakdowns.
  // 7: the folded state keeps no demographics (the columns do).
  version: 7,
  table: 'resolution_list',
  holdsPersonalData: true,
  eventTypes: resolutionEventDefinitions.map((definition) => definition.type),
  rowPerStream: true,
  rowIdOf: (event) => (event.data as { resolutionId: string }).resolutionId,
  evolve(row, recorded) {
    const previous: Resolution = row ? row.state : initialResolution();
    const state = evolveResolution(previous, { type: recorded.type, data: recorded.data } as unknown as ResolutionEvent);
    if (state.status === 'none') return row;
    const openDueDates = state.remedies.filter((remedy) => remedy.status === 'open').map((remedy) => remedy.dueDate);
    const status = resolutionStatus(state);
    return {
      id: state.id,
      status,
      // A resolution a supervisor stopped ends there, without a closure.
      outcome: state.closure?.outcome ?? (status === 'not-approved' ? 'not-approved' : null),
      offence_type_id: state.offenceTypeId,
      crime_reference: state.crimeReference,
      offender_name: state.offender.name,
      open_remedies: openDueDates.length,
      next_remedy_due: openDueDates.sort()[0] ?? null,
      proposed_at: state.proposedAt,
      closed_at: state.closure?.at ?? null,
      revision: recorded.revision,
      updated_at: recorded.recordedAt.toISOString(),
      ...apartFromDemographics(state, row),
      ...reportColumns(state),
    };
  },
};

const total = (values: readonly (number | null)[]) => values.reduce<number>((sum, value) => sum + (value ?? 0), 0);
/** Hours have at most 2 decimal places: rounding drops binary float noise (0.1 + 0.2), so SQL sums the exact decimals. */
const totalHours = (values: readonly (number | null)[]) => Math.round(total(values) * 100) / 100;

function reportColumns(state: ProposedResolution) {
  const { remedies, victims } = state;
  return {
    proposed_day: londonDate(state.proposedAt),
    has_victims: victims.length > 0,
    victims_consulted: victims.length > 0 && victims.every((victim) => victim.consulted !== false),
    remedy_types: remedies.map((remedy) => remedy.remedyType),
    remedy_chosen: remedies.map((remedy) => remedy.chosenByVictim),
    remedy_statuses: remedies.map((remedy) => remedy.status),
    remedies_overridden: remedies.filter((remedy) => remedy.overrideReason !== null).length,
    hours_agreed: totalHours(remedies.map((remedy) => remedy.hours)),
    hours_done: totalHours(remedies.map((remedy) => remedy.hoursDone)),
    amount_agreed: total(remedies.map((remedy) => remedy.amount)),
    amount_paid: total(remedies.map((remedy) => remedy.amountPaid)),
  };
}
