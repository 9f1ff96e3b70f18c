import { createHash } from 'node:crypto';
import pg, { type Pool, type PoolClient } from 'pg';
import type { EventCatalog } from '../../src/event-store/event-catalog.ts';
import type { EventStore, RecordedEvent } from '../../src/event-store/event-store.port.ts';
import { EventNotApplied } from './event-failure.ts';
import type { Projection, ReadModelRow } from './projection.ts';
import { refoldsFor, refoldRowsOfSubjects, subjectOfDecision, withSubjectsOf } from './subject-rows.ts';
import { CalendarHistory } from './calendar-history.ts';
import { reckonRowsSpanning, reckonsFor } from './working-day-rows.ts';
import { englandAndWalesCalendar } from '../../src/calendar/england-and-wales.ts';

/** What a projection that counts no working days is given as its calendar. */
const SHIPPED_CALENDAR = englandAndWalesCalendar();

/** The rows a batch touched, by id, as the batch leaves them; undefined where it deleted one. */
export type FoldedRows = Map<string, ReadModelRow | undefined>;

const columnsByTable = new Map<string, string[]>();

async function columnsOf(client: PoolClient, table: string): Promise<string[]> {
  const cached = columnsByTable.get(table);
  if (cached) return cached;
  const result = await client.query(
    // A generated column is the table's to fill: naming it in an insert is an error.
    `SELECT column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
    [table],
  );
  const columns = result.rows.map((row: { column_name: string }) => row.column_name);
  if (columns.length === 0) throw new Error(`Read-model table ${table} does not exist: run the migrations`);
  columnsByTable.set(table, columns);
  return columns;
}

/** Events folded between two turns of the event loop, so a statement in flight meanwhile is answered promptly. */
const EVENTS_PER_TURN = 500;

/** What a fold reads besides the table: the catalog to upcast, and the events' source to fold rows again from. */
export interface FoldSources {
  catalog: EventCatalog;
  source: EventStore;
}

/** Rows as the table holds them, kept by the table's only writer (see ProjectionRunner): read instead of it. */
export interface WrittenRows {
  get(id: string): ReadModelRow | undefined;
}

/** What a runner's own batch brings to its fold: rows it takes from memory rather than the table, and its order. */
export interface RunnerBatch {
  /** Left by an earlier batch whose write has not committed yet (undefined: deleted). */
  unwritten?: FoldedRows;
  written?: WrittenRows;
  /**
   * The events follow, in order, every event the table holds the fold of (a parked event replayed later does
   * not): a `rowPerStream` projection's stream that begins in the batch has no row yet.
   */
  inOrder?: boolean;
}

/**
 * Folds a batch of events into the rows they touch, reading those rows from the table, except the ones in
 * memory (`RunnerBatch`). Rows travel as JSON both ways,
 * so evolve sees the same value types whether a row came from the table or from an earlier event. A decision
 * about a data subject folds again the rows holding their values (subject-rows.ts); a bank holiday added or
 * retired counts again the working-day dates of the rows whose clocks span it (working-day-rows.ts).
 */
export async function foldBatch(
  queryable: Pool | PoolClient,
  projection: Projection,
  table: string,
  events: readonly RecordedEvent[],
  { catalog, source }: FoldSources,
  { unwritten, written, inOrder }: RunnerBatch = {},
): Promise<FoldedRows> {
  const history = projection.workingDays ? await CalendarHistory.of(source, catalog).load() : undefined;
  const caseEvents = events.filter((event) => !refoldsFor(projection, event) && !reckonsFor(projection, event));
  const ids = [...new Set(caseEvents.map((event) => handling(event, () => projection.rowIdOf(event))))];
  const rows: FoldedRows = new Map(ids.map((id) => [id, unwritten?.has(id) ? unwritten.get(id) : written?.get(id)]));
  const begun = new Set(projection.rowPerStream && inOrder ? caseEvents.filter((event) => event.revision === 0).map((event) => projection.rowIdOf(event)) : []);
  const unread = projection.rowPerEvent ? [] : ids.filter((id) => !unwritten?.has(id) && rows.get(id) === undefined && !begun.has(id));
  if (unread.length > 0) {
    const existing = await queryable.query(`SELECT to_jsonb(t) AS row FROM ${pg.escapeIdentifier(table)} t WHERE id = ANY($1)`, [unread]);
    for (const { row } of existing.rows as { row: ReadModelRow }[]) rows.set(row.id, row);
  }
  // Counted on the calendar as it stood at `asOf`: the event's own position, or the decision's a row is folded again for.
  const fold = (row: ReadModelRow | undefined, recorded: RecordedEvent, asOf = recorded.position) =>
    handling(recorded, () => {
      const data = catalog.toDomain(recorded).data as RecordedEvent['data'];
      const event = data === recorded.data ? recorded : { ...recorded, data };
      return withSubjectsOf(projection, row, projection.evolve(row, event, history?.at(asOf) ?? SHIPPED_CALENDAR), recorded, catalog);
    });
  // Decisions one after another (a person's erasure with their cases') fold the rows of all their subjects
  // again once, at the last of them: nothing of the projection's lies between.
  let decided: string[] = [];
  for (const [index, recorded] of events.entries()) {
    if (index > 0 && index % EVENTS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    if (refoldsFor(projection, recorded)) {
      decided.push(subjectOfDecision(recorded));
      const next = events[index + 1];
      if (next && refoldsFor(projection, next)) continue;
      const foldAsOfDecision = (row: ReadModelRow | undefined, event: RecordedEvent) => fold(row, event, recorded.position);
      await refoldRowsOfSubjects(decided, recorded.position, rows, { queryable, table, source, eventTypes: projection.eventTypes, fold: foldAsOfDecision, unwritten });
      decided = [];
      continue;
    }
    if (history && reckonsFor(projection, recorded)) {
      await reckonRowsSpanning(recorded, projection, rows, { queryable, table, history, unwritten });
      continue;
    }
    const id = handling(recorded, () => projection.rowIdOf(recorded));
    rows.set(id, fold(rows.get(id), recorded));
  }
  return rows;
}

/** Runs the projection's own code for one event, naming that event if it throws. */
function handling<T>(event: RecordedEvent, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw new EventNotApplied(event, error);
  }
}

/**
 * Rows go to PostgreSQL in upserts of about this much JSON. Its cost per row grows with the statement's size
 * (allocating and copying the whole value, more than once): measured on referral rows of 1.8 KB, one upsert
 * of 1,000 cost it about three times the CPU of five upserts of 200.
 */
const UPSERT_CHARS = 256 * 1024;

/** Writes folded rows: one delete, then upserts of UPSERT_CHARS each. */
export async function writeRows(client: PoolClient, table: string, rows: FoldedRows): Promise<void> {
  const { deleted, upserted } = splitRows(rows);
  if (deleted.length > 0) await client.query(`DELETE FROM ${pg.escapeIdentifier(table)} WHERE id = ANY($1)`, [deleted]);
  if (upserted.length === 0) return;
  const upsert = await upsertStatement(client, table, '$1');
  // Prepared once per connection and table: planned each time, PostgreSQL would fold the rows into the plan
  // as a constant and copy them, several times over.
  for (const json of jsonArrays(upserted, UPSERT_CHARS)) await client.query({ name: `projection-upsert:${table}`, text: upsert, values: [json] });
}

/**
 * Writes folded rows and moves the checkpoint in one statement, which commits alone (no BEGIN, no COMMIT):
 * the rows only if the checkpoint moved (`advance`, its values from $1, fenced as the runner knew it). Undefined
 * when the rows are too many for one upsert (write them with `writeRows` in a transaction); else whether it moved.
 */
export async function writeRowsAdvancing(client: PoolClient, table: string, rows: FoldedRows, advance: { text: string; values: unknown[] }): Promise<boolean | undefined> {
  const { deleted, upserted } = splitRows(rows);
  const [json, more] = [...jsonArrays(upserted, UPSERT_CHARS)];
  if (more !== undefined) return undefined;
  const next = advance.values.length + 1;
  const text = `WITH advanced AS (${advance.text} RETURNING 1),
    deleted AS (DELETE FROM ${pg.escapeIdentifier(table)} WHERE id = ANY($${next}) AND EXISTS (SELECT FROM advanced)),
    upserted AS (${await upsertStatement(client, table, `$${next + 1}`, 'WHERE EXISTS (SELECT FROM advanced)')})
    SELECT count(*)::int AS advanced FROM advanced`;
  const name = `projection-apply:${createHash('sha1').update(text).digest('base64url')}`;
  const result = await client.query({ name, text, values: [...advance.values, deleted, json ?? '[]'] });
  return result.rows[0].advanced === 1;
}

function splitRows(rows: FoldedRows): { deleted: string[]; upserted: ReadModelRow[] } {
  const deleted = [...rows].flatMap(([id, row]) => (row ? [] : [id]));
  return { deleted, upserted: [...rows.values()].filter((row) => row !== undefined) };
}

/** An upsert of the rows in the JSON array parameter `json`, `where` filtering them. */
async function upsertStatement(client: PoolClient, table: string, json: string, where = ''): Promise<string> {
  const quoted = pg.escapeIdentifier(table);
  const columns = (await columnsOf(client, table)).map((column) => client.escapeIdentifier(column));
  const updates = columns.filter((column) => column !== '"id"').map((column) => `${column} = EXCLUDED.${column}`);
  return `INSERT INTO ${quoted} (${columns.join(', ')}) SELECT ${columns.join(', ')} FROM jsonb_populate_recordset(NULL::${quoted}, ${json}::jsonb) ${where}
           ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}`;
}

/**
 * The rows as JSON arrays of about `chars` characters each (a larger row makes an array of its own). Each is
 * one join, so a flat string: a concatenated one would be copied again before it is sent.
 */
function* jsonArrays(rows: readonly ReadModelRow[], chars: number): Generator<string> {
  let chunk = ['['];
  let length = 0;
  for (const row of rows) {
    const json = JSON.stringify(row);
    if (length > 0 && length + json.length > chars) {
      yield [...chunk, ']'].join('');
      chunk = ['['];
      length = 0;
    }
    chunk.push(length > 0 ? ',' : '', json);
    length += json.length + 1;
  }
  if (length > 0) yield [...chunk, ']'].join('');
}

/** Folds a batch of events into the rows they touch and writes them: one read, one delete, the upserts. */
export async function applyBatch(client: PoolClient, projection: Projection, table: string, events: readonly RecordedEvent[], sources: FoldSources): Promise<void> {
  await writeRows(client, table, await foldBatch(client, projection, table, events, sources));
}
