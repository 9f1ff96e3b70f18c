import type { PoolClient } from 'pg';
import type { EventCatalog } from '../../src/event-store/event-catalog.ts';
import type { RecordedEvent } from '../../src/event-store/event-store.port.ts';
import type { Projection, ReadModelRow } from './projection.ts';

const columnsByTable = new Map<string, string[]>();

async function columnsOf(client: PoolClient, table: string): Promise<string[]> {
  const cached = columnsByTable.get(table);
  if (cached) return cached;
  const result = await client.query(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  const columns = result.rows.map((row: { column_name: string }) => row.column_name);
  if (columns.length === 0) throw new Error(`Read-model table ${table} does not exist: run the migrations`);
  columnsByTable.set(table, columns);
  return columns;
}

/**
 * Folds a batch of events into the rows they touch: one read of those rows, one delete, one upsert.
 * Rows travel as JSON both ways, so evolve sees the same value types whether a row came from the
 * table or from an earlier event of the same batch.
 */
export async function applyBatch(
  client: PoolClient,
  projection: Projection,
  table: string,
  events: readonly RecordedEvent[],
  catalog: EventCatalog,
): Promise<void> {
  const ids = [...new Set(events.map((event) => projection.rowIdOf(event)))];
  const quoted = client.escapeIdentifier(table);
  const existing = await client.query(`SELECT to_jsonb(t) AS row FROM ${quoted} t WHERE id = ANY($1)`, [ids]);
  const rows = new Map<string, ReadModelRow>(existing.rows.map(({ row }: { row: ReadModelRow }) => [row.id, row]));

  for (const recorded of events) {
    const event = { ...recorded, data: catalog.toDomain(recorded).data as RecordedEvent['data'] };
    const id = projection.rowIdOf(event);
    const next = projection.evolve(rows.get(id), event);
    if (next) rows.set(id, next);
    else rows.delete(id);
  }

  const deleted = ids.filter((id) => !rows.has(id));
  if (deleted.length > 0) await client.query(`DELETE FROM ${quoted} WHERE id = ANY($1)`, [deleted]);
  const upserted = ids.flatMap((id) => rows.get(id) ?? []);
  if (upserted.length === 0) return;
  const columns = (await columnsOf(client, table)).map((column) => client.escapeIdentifier(column));
  const updates = columns.filter((column) => column !== '"id"').map((column) => `${column} = EXCLUDED.${column}`);
  await client.query(
    `INSERT INTO ${quoted} SELECT * FROM jsonb_populate_recordset(NULL::${quoted}, $1::jsonb)
     ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}`,
    [JSON.stringify(upserted)],
  );
}
