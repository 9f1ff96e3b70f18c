import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import pg from 'pg';
import { referralReceived } from '../payload.ts';
import { createSuitePool } from '../pool.ts';
import type { Suite } from '../suite.ts';
import { WRITERS, singleEventWriter } from '../workloads.ts';

/**
 * Emmett's PostgreSQL event store doing the same single-event appends as ours. It gets a pool of
 * one connection per writer, as ours and the raw inserts have; its default pool (10) would cap it.
 */
export const emmettSuite: Suite = {
  name: 'emmett',
  async run(context) {
    const restoreTypeParsers = saveTypeParsers();
    const pool = createSuitePool(context.databaseUrl, WRITERS);
    const store = getPostgreSQLEventStore(context.databaseUrl, { connectionOptions: { pool } });
    try {
      await store.schema.migrate();
      // Emmett versions count events: the stream holds `eventIndex` events before this one.
      const appendOne = (stream: string, eventIndex: number) =>
        store
          .appendToStream(stream, [referralReceived()], {
            expectedStreamVersion: eventIndex === 0 ? STREAM_DOES_NOT_EXIST : BigInt(eventIndex),
          })
          .then(() => {});
      await context.throughput({ name: 'emmett.append.single.c16', unit: 'events/s', concurrency: WRITERS, createWorker: () => singleEventWriter(appendOne) });
      await context.throughput({ name: 'emmett.append.single.seq', unit: 'events/s', concurrency: 1, createWorker: () => singleEventWriter(appendOne) });
    } finally {
      await store.close();
      await pool.end();
      restoreTypeParsers();
    }
  },
};

/** Emmett (through dumbo) swaps pg's process-wide parsers for bigint and JSON; later suites must get pg's own back. */
const PARSED_BY_EMMETT = [pg.types.builtins.INT8, pg.types.builtins.JSON, pg.types.builtins.JSONB];

function saveTypeParsers(): () => void {
  const saved = PARSED_BY_EMMETT.map((oid) => [oid, pg.types.getTypeParser(oid, 'text')] as const);
  return () => {
    for (const [oid, parser] of saved) pg.types.setTypeParser(oid, 'text', parser);
  };
}
