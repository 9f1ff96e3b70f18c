import pg from 'pg';
import { randomUUID } from 'node:crypto';
import { ProjectionRunner, DEFAULT_RUNNER_OPTIONS, type ProjectionRunnerOptions } from '../../projections/runner/projection-runner.ts';
import type { Projection } from '../../projections/runner/projection.ts';
import type { TailReader } from '../../projections/runner/tail-reader.ts';
import { migrateDatabase } from '../../src/database/data-source.ts';
import { EventCatalog } from '../../src/event-store/event-catalog.ts';
import type { EventStore, NewEvent } from '../../src/event-store/event-store.port.ts';
import { createPostgresEventStore } from '../../src/event-store/postgres/postgres-event-store.ts';
import { defineEvent } from '../../src/personal-data/event-definition.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

export const thingCatalog = new EventCatalog([defineEvent({ type: 'ThingHappened', schemaVersion: 1, personalData: [], plain: [] })]);

export interface ProjectionTestBed {
  database: TestDatabase;
  pool: pg.Pool;
  store: EventStore;
  /** A runner on the bed's store, or on `from.store` (e.g. another process's), sharing `from.tail` if given. */
  runner(projection: Projection, options?: Partial<ProjectionRunnerOptions>, from?: { store?: EventStore; tail?: TailReader }): ProjectionRunner;
  close(): Promise<void>;
}

/** A migrated database with the PostgreSQL event store and a pool for projectors and assertions. */
export async function projectionTestBed(): Promise<ProjectionTestBed> {
  const database = await createTestDatabase();
  await migrateDatabase(database.url);
  const pool = new pg.Pool({ connectionString: database.url, max: 20 });
  const store = createPostgresEventStore(database.url);
  const runners: ProjectionRunner[] = [];
  return {
    database,
    pool,
    store,
    runner(projection, options = {}, from = {}) {
      const runnerOptions = { ...DEFAULT_RUNNER_OPTIONS, idleDelayMs: 5, maxIdleDelayMs: 20, standbyDelayMs: 50, maxBackoffMs: 200, log: () => {}, ...options };
      const runner = new ProjectionRunner(pool, from.store ?? store, thingCatalog, projection, runnerOptions, from.tail);
      runners.push(runner);
      return runner;
    },
    async close() {
      await Promise.all(runners.map((runner) => runner.stop()));
      await store.close();
      await pool.end();
      await database.drop();
    },
  };
}

export function things(count: number, type = 'ThingHappened'): NewEvent[] {
  return Array.from({ length: count }, (_, index) => ({
    id: randomUUID(),
    type,
    schemaVersion: 1,
    data: { index },
    metadata: { actor: { sub: 'test', roles: [] }, correlationId: randomUUID(), causationId: randomUUID() },
  }));
}

/** Appends `batches` batches of `size` events to a new stream per writer, all writers at once. */
export async function concurrentWriters(store: EventStore, writers: number, batches: number, size: number): Promise<void> {
  await Promise.all(
    Array.from({ length: writers }, async () => {
      const stream = `thing-${randomUUID()}`;
      for (let batch = 0; batch < batches; batch++) {
        await store.append(stream, things(size), batch === 0 ? 'no_stream' : batch * size - 1);
      }
    }),
  );
}

export async function eventually(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
