import pg, { type Pool, type PoolClient } from 'pg';
import type { EventCatalog } from '../../src/event-store/event-catalog.ts';
import type { EventStore, RecordedEvent } from '../../src/event-store/event-store.port.ts';
import { EventNotApplied } from './event-failure.ts';
import type { Projection, ReadModelRow } from './projection.ts';
import { refoldsFor, refoldRowsOfSubject, withSubjectsOf } from './subject-rows.ts';
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

/**
 * Folds a batch of events into the rows they touch, reading those rows from the table, except the ones in
 * `unwritten` (left by an earlier batch whose write has not committed yet). Rows travel as JSON both ways,
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
  unwritten?: FoldedRows,
): Promise<FoldedRows> {
  const history = projection.workingDays ? await CalendarHistory.of(source, catalog).load() : undefined;
  const caseEvents = events.filter((event) => !refoldsFor(projection, event) && !reckonsFor(projection, event));
  const ids = [...new Set(caseEvents.map((event) => handling(event, () => projection.rowIdOf(event))))];
  const rows: FoldedRows = new Map(ids.map((id) => [id, unwritten?.get(id)]));
  const unread = unwritten ? ids.filter((id) => !unwritten.has(id)) : ids;
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
  for (const [index, recorded] of events.entries()) {
    if (index > 0 && index % EVENTS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    if (refoldsFor(projection, recorded)) {
      const foldAsOfDecision = (row: ReadModelRow | undefined, event: RecordedEvent) => fold(row, event, recorded.position);
      await refoldRowsOfSubject(recorded, rows, { queryable, table, source, eventTypes: projection.eventTypes, fold: foldAsOfDecision, unwritten });
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
  const quoted = pg.escapeIdentifier(table);
  const deleted = [...rows].flatMap(([id, row]) => (row ? [] : [id]));
  if (deleted.length > 0) await client.query(`DELETE FROM ${quoted} WHERE id = ANY($1)`, [deleted]);
  const upserted = [...rows.values()].filter((row) => row !== undefined);
  if (upserted.length === 0) return;
  const columns = (await columnsOf(client, table)).map((column) => client.escapeIdentifier(column));
  const updates = columns.filter((column) => column !== '"id"').map((column) => `${column} = EXCLUDED.${column}`);
  // Prepared once per connection and table: planned each time, PostgreSQL would fold the rows into the plan
  // as a constant and copy them, several times over.
  const upsert = {
    name: `projection-upsert:${table}`,
    text: `INSERT INTO ${quoted} (${columns.join(', ')}) SELECT ${columns.join(', ')} FROM jsonb_populate_recordset(NULL::${quoted}, $1::jsonb)
           ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}`,
  };
  for (const json of jsonArrays(upserted, UPSERT_CHARS)) await client.query({ ...upsert, values: [json] });
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
