import pg from 'pg';
import { DEFAULT_RUNNER_OPTIONS, ProjectionRunner } from '../../projections/runner/projection-runner.ts';
import { createPostgresEventStore } from '../../src/event-store/postgres/postgres-event-store.ts';
import { eventCountProjection } from './event-count.projection.ts';
import { thingCatalog } from './projection-harness.ts';

/** A projector as its own process, for tests that kill it with SIGKILL mid-batch. */
const url = process.env.PROJECTOR_DATABASE_URL!;
const pool = new pg.Pool({ connectionString: url, max: 4 });
const runner = new ProjectionRunner(pool, createPostgresEventStore(url), thingCatalog, eventCountProjection(), {
  ...DEFAULT_RUNNER_OPTIONS,
  batchSize: Number(process.env.PROJECTOR_BATCH_SIZE ?? 100),
  idleDelayMs: 5,
  maxIdleDelayMs: 20,
  standbyDelayMs: 50,
  log: () => {},
});
runner.start();
console.log('projector started');
