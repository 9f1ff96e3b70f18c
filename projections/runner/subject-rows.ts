import pg, { type Pool, type PoolClient } from 'pg';
import type { EventCatalog } from '../../src/event-store/event-catalog.ts';
import type { EventStore, RecordedEvent } from '../../src/event-store/event-store.port.ts';
import { dataSubjectEventDefinitions, type DataSubjectEvent } from '../../src/personal-data/data-subjects/data-subject.events.ts';
import { findPersonalData } from '../../src/personal-data/personal-data.ts';
import type { Projection, ReadModelRow } from './projection.ts';

/**
 * The columns every read model that copies personal data has beside its own (migration 1763800220000): which
 * data subjects its values belong to (GIN-indexed), and which streams it was folded from.
 */
export interface SubjectColumns {
  subject_ids: string[];
  streams: string[];
}

/** Erasing, restricting or lifting a restriction changes what a subject's values read as. */
const SUBJECT_DECISIONS: readonly string[] = dataSubjectEventDefinitions.map((definition) => definition.type);
const SUBJECT_DECISION_TYPES: ReadonlySet<string> = new Set(SUBJECT_DECISIONS);

/** The event is a decision about a subject that this projection folds its subject's rows again for. */
export function refoldsFor(projection: Projection, event: RecordedEvent): boolean {
  return projection.holdsPersonalData === true && SUBJECT_DECISION_TYPES.has(event.type);
}

/** A read model that copies personal data also follows the decisions about its subjects. */
export function followingSubjectDecisions(projection: Projection): Projection {
  return projection.holdsPersonalData ? { ...projection, eventTypes: [...projection.eventTypes, ...SUBJECT_DECISIONS] } : projection;
}

/**
 * The row the projection made of the event, marked with the event's subjects and stream. Most events add
 * neither, so the row is marked in place or left as it is: a copy of every row each event makes cost a rebuild
 * more than its fold. A row evolve made anew is its own to mark; the row it was given is copied.
 */
export function withSubjectsOf(projection: Projection, before: ReadModelRow | undefined, after: ReadModelRow | undefined, recorded: RecordedEvent, catalog: EventCatalog): ReadModelRow | undefined {
  if (!after || !projection.holdsPersonalData) return after;
  const subjects = findPersonalData(recorded.data, catalog.personalDataOf(recorded.type, recorded.schemaVersion)).map((field) => field.subjectId);
  const previous = before as (ReadModelRow & Partial<SubjectColumns>) | undefined;
  const marks: SubjectColumns = { subject_ids: including(previous?.subject_ids, subjects), streams: including(previous?.streams, [recorded.stream]) };
  const current = after as ReadModelRow & Partial<SubjectColumns>;
  if (current.subject_ids === marks.subject_ids && current.streams === marks.streams) return after;
  return after === before ? { ...after, ...marks } : Object.assign(after, marks);
}

/** `known` itself when it holds every one of `more`, else the sorted union of both. */
function including(known: readonly string[] | undefined, more: readonly string[]): string[] {
  if (known && more.every((value) => known.includes(value))) return known as string[];
  return [...new Set([...(known ?? []), ...more])].sort();
}

export interface RefoldSources {
  queryable: Pool | PoolClient;
  table: string;
  source: EventStore;
  /** The projection's own event types: a case's streams hold others, which its batches never see. */
  eventTypes: readonly string[];
  /** Folds one event into a row, as the batch does. */
  fold: (row: ReadModelRow | undefined, event: RecordedEvent) => ReadModelRow | undefined;
  /** Rows of an earlier batch not in the table yet (a rebuild's). */
  unwritten?: ReadonlyMap<string, ReadModelRow | undefined>;
}

/** The subject a decision (erasure, restriction or its lift) is about: `subjectId` in every schema version, so read as stored. */
export function subjectOfDecision(decision: RecordedEvent): string {
  return (decision.data as Pick<DataSubjectEvent['data'], 'subjectId'>).subjectId;
}

/**
 * After decisions about subjects, the last of them at `position`, each row holding any of their values is folded
 * again from its streams up to there, read as they now read (erased, withheld or open again); rows of anyone
 * else are not touched. `rows` holds the batch's rows so far (newer than the table's) and is updated in place.
 */
export async function refoldRowsOfSubjects(
  subjectIds: readonly string[],
  position: bigint,
  rows: Map<string, ReadModelRow | undefined>,
  { queryable, table, source, eventTypes, fold, unwritten }: RefoldSources,
): Promise<void> {
  const stored = await queryable.query<{ id: string; streams: string[] }>(
    `SELECT id, streams FROM ${pg.escapeIdentifier(table)} WHERE subject_ids && $1::text[]`,
    [subjectIds],
  );
  const holding = new Map(stored.rows.map((row) => [row.id, row.streams]));
  for (const [id, row] of [...(unwritten ?? []), ...rows]) {
    const columns = row as (ReadModelRow & Partial<SubjectColumns>) | undefined;
    if (columns?.subject_ids?.some((subjectId) => subjectIds.includes(subjectId))) holding.set(id, columns.streams ?? []);
  }
  for (const [id, streams] of holding) {
    const events = (await Promise.all(streams.map((stream) => source.readStream(stream))))
      .flat()
      .filter((event) => event.position <= position && eventTypes.includes(event.type))
      .sort((a, b) => (a.position < b.position ? -1 : 1));
    rows.set(id, events.reduce<ReadModelRow | undefined>(fold, undefined));
  }
}
