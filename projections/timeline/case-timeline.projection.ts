import type { RecordedEvent } from '../../src/event-store/event-store.port.ts';
import { accessLogEventDefinitions } from '../../src/audit/access-log/access-log.events.ts';
import { createEventCatalog } from '../../src/event-store/known-events.ts';
import type { Projection } from '../runner/projection.ts';
import type { CaseNote } from '../../src/shared/domain/case-note.ts';
import { summaryOf } from './timeline-summary.ts';

/** One line of a case's history: what happened in words, when, and who recorded it; a note's text, but no other data of the event. */
export interface TimelineEntry {
  revision: number;
  type: string;
  summary: string;
  recordedAt: string;
  by: string;
  /** A case note's text: personal data, erased and restricted with the case's subject. */
  note?: string;
}

export function timelineEntryOf(event: RecordedEvent): TimelineEntry {
  const entry = { revision: event.revision, type: event.type, summary: summaryOf(event.type, event.data), recordedAt: event.recordedAt.toISOString(), by: event.metadata.actor.sub };
  return NOTE_TYPES.has(event.type) ? { ...entry, note: (event.data as unknown as CaseNote).text } : entry;
}

const NOTE_TYPES = new Set(['ReferralNoteAdded', 'ComplaintNoteAdded', 'ResolutionNoteAdded', 'ReferralNoteFromVictimAdded', 'ComplaintNoteFromComplainantAdded']);

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
  // 2: entries carry a summary in words, and notes their text.
  // 3: rows record their data subjects and streams, so a decision about a subject folds only its rows again.
  // 4: notes from a victim or complainant, sent from their status page, carry their text too.
  version: 4,
  table: 'case_timeline',
  holdsPersonalData: true,
  // Reads of cases are not part of their history: the access log keeps those.
  eventTypes: createEventCatalog().types.filter((type) => !accessLogEventDefinitions.some((definition) => definition.type === type)),
  rowPerStream: true,
  rowIdOf: (event) => event.stream,
  evolve(row, event) {
    return { id: event.stream, revision: event.revision, entries: [...(row?.entries ?? []), timelineEntryOf(event)] };
  },
};
