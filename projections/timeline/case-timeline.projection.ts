import type { RecordedEvent } from '../../src/event-store/event-store.port.ts';
import { accessLogEventDefinitions } from '../../src/audit/access-log/access-log.events.ts';
import { createEventCatalog } from '../../src/event-store/known-events.ts';
import type { Projection } from '../runner/projection.ts';

/** One line of a case's history: what happened, when, and who recorded it; never the event's data. */
export interface TimelineEntry {
  revision: number;
  type: string;
  recordedAt: string;
  by: string;
}

export function timelineEntryOf(event: RecordedEvent): TimelineEntry {
  return { revision: event.revision, type: event.type, recordedAt: event.recordedAt.toISOString(), by: event.metadata.actor.sub };
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
  // Reads of cases are not part of their history: the access log keeps those.
  eventTypes: createEventCatalog().types.filter((type) => !accessLogEventDefinitions.some((definition) => definition.type === type)),
  rowIdOf: (event) => event.stream,
  evolve(row, event) {
    return { id: event.stream, revision: event.revision, entries: [...(row?.entries ?? []), timelineEntryOf(event)] };
  },
};
