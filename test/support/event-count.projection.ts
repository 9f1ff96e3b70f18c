import type pg from 'pg';
import type { Projection, ReadModelRow } from '../../projections/runner/projection.ts';

/**
 * A test read model that makes a lost or doubled event visible: per stream, how many events it
 * has seen and the sum of their revisions (0 + 1 + … + n-1 when each was applied exactly once).
 */
export interface EventCountRow extends ReadModelRow {
  events: number;
  revision_sum: number;
}

export function eventCountProjection(options: { table?: string; version?: number; failOn?: (revision: number) => boolean } = {}): Projection<EventCountRow> {
  return {
    name: options.table ?? 'event_count',
    version: options.version ?? 1,
    table: options.table ?? 'event_count',
    eventTypes: ['ThingHappened'],
    rowIdOf: (event) => event.stream,
    evolve(row, event) {
      if (options.failOn?.(event.revision)) throw new Error(`refusing revision ${event.revision}`);
      return { id: event.stream, events: (row?.events ?? 0) + 1, revision_sum: (row?.revision_sum ?? 0) + event.revision };
    },
  };
}

export async function createEventCountTable(client: pg.Pool | pg.Client, table = 'event_count'): Promise<void> {
  await client.query(`CREATE TABLE ${table} (id text PRIMARY KEY, events int NOT NULL, revision_sum bigint NOT NULL)`);
}

/** The rows a correct projection must hold, computed straight from the events table. */
export async function expectedCounts(client: pg.Pool | pg.Client): Promise<Record<string, { events: number; revision_sum: number }>> {
  const result = await client.query(
    `SELECT stream AS id, count(*)::int AS events, sum(revision)::int AS revision_sum FROM events WHERE type = 'ThingHappened' GROUP BY stream ORDER BY stream`,
  );
  return Object.fromEntries(result.rows.map((row: { id: string; events: number; revision_sum: number }) => [row.id, { events: row.events, revision_sum: row.revision_sum }]));
}

export async function actualCounts(client: pg.Pool | pg.Client, table = 'event_count'): Promise<Record<string, { events: number; revision_sum: number }>> {
  const result = await client.query(`SELECT id, events, revision_sum::int AS revision_sum FROM ${table} ORDER BY id`);
  return Object.fromEntries(result.rows.map((row: { id: string; events: number; revision_sum: number }) => [row.id, { events: row.events, revision_sum: row.revision_sum }]));
}
