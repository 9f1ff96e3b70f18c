import { referralReceived } from '../payload.ts';
import { createSuitePool } from '../pool.ts';
import type { Suite } from '../suite.ts';
import { BATCH_WRITERS, WRITERS, batchWriter, singleEventWriter } from '../workloads.ts';

/**
 * The physical limit: plain autocommit INSERTs into a bare table, one connection per writer,
 * same payloads and concurrency as our figures, no concurrency checks.
 */
export const rawInsertSuite: Suite = {
  name: 'raw',
  async run(context) {
    const pool = createSuitePool(context.databaseUrl, Math.max(WRITERS, BATCH_WRITERS));
    try {
      await pool.query('CREATE TABLE raw_events (id bigserial PRIMARY KEY, stream text NOT NULL, data jsonb NOT NULL)');
      const insertOne = (stream: string) =>
        pool.query('INSERT INTO raw_events (stream, data) VALUES ($1, $2)', [stream, JSON.stringify(referralReceived())]).then(() => {});
      const insertBatch = (stream: string, size: number) =>
        pool
          .query('INSERT INTO raw_events (stream, data) SELECT $1, data FROM unnest($2::jsonb[]) AS data', [
            stream,
            Array.from({ length: size }, () => JSON.stringify(referralReceived())),
          ])
          .then(() => {});
      await context.throughput({ name: 'raw.insert.single.c16', unit: 'events/s', concurrency: WRITERS, createWorker: () => singleEventWriter(insertOne) });
      await context.throughput({ name: 'raw.insert.batch100', unit: 'events/s', concurrency: BATCH_WRITERS, createWorker: () => batchWriter(insertBatch) });
    } finally {
      await pool.end();
    }
  },
};
