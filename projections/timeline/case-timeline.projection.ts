import { createEventCatalog } from '../../src/event-store/known-events.ts';
import type { Projection } from '../runner/projection.ts';

/** One line of a case's history: what happened, when, and who recorded it; never the event's data. */
export interface TimelineEntry {
  revision: number;
  type: string;
  recordedAt: string;
  by: string;
}

/** One row per stream (a referral, a complaint, a resolution...). Columns are those of case_timeline. */
export interface CaseTimelineRow {
  [column: string]: unknown;
  id: string;
  revision: number;
  entries: TimelineEntry[];
}

/** Every context's case page shows its timeline from here, so none re-implements it. */
export const caseTimelineProjection: Projection<CaseTimelineRow> = {
  name: 'case-timeline',
  version: 1,
  table: 'case_timeline',
  eventTypes: createEventCatalog().types,
  rowIdOf: (event) => event.stream,
  evolve(row, event) {
    const entry = { revision: event.revision, type: event.type, recordedAt: event.recordedAt.toISOString(), by: event.metadata.actor.sub };
    return { id: event.stream, revision: event.revision, entries: [...(row?.entries ?? []), entry] };
  },
};
