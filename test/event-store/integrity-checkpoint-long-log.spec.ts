import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { migrateDatabase } from '../../src/database/data-source.ts';
import { createPool } from '../../src/database/pool.ts';
import { IntegrityCheckpoints } from '../../src/event-store/integrity/integrity-checkpoints.ts';
import { createPostgresEventStore, type PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const EVENTS = 100_000;
const STATEMENT_TIMEOUT_MS = 250;

/** The first checkpoint of a long log hashes all of it, for longer than a request pool's statement timeout. */
describe('an integrity checkpoint over a long log', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let pool: pg.Pool;
  let setup: pg.Pool;

  beforeAll(async () => {
    database = await createTestDatabase();
    await migrateDatabase(database.url);
    store = createPostgresEventStore(database.url);
    // The app's pool for checkpoints has the request timeouts.
    pool = createPool(database.url, 2, { connectMs: 5000, statementMs: STATEMENT_TIMEOUT_MS, queryMs: 5000 });
    setup = createPool(database.url, 1);
    await setup.query(
      `INSERT INTO events (position, stream, revision, event_id, type, schema_version, data, metadata)
       SELECT (pg_current_xact_id()::text::bigint << 20) + g, 'referral-' || (g / 10), g % 10, gen_random_uuid(), 'CaseNoteAdded', 1, '{}', '{}'
         FROM generate_series(1, $1::int) AS g`,
      [EVENTS],
    );
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await Promise.all([pool?.end(), setup?.end()]);
    await database?.drop();
  });

  it('is taken although hashing it outlasts the statement timeout', async () => {
    const checkpoints = new IntegrityCheckpoints(pool, store, randomBytes(32));
    const started = Date.now();
    const checkpoint = await checkpoints.take();
    // What makes this test mean something: the hashing took longer than a transaction may stay idle.
    expect(Date.now() - started).toBeGreaterThan(STATEMENT_TIMEOUT_MS);
    expect(checkpoint).toMatchObject({ events: BigInt(EVENTS) });
    expect(checkpoints.isAuthentic(checkpoint!)).toBe(true);
    expect((await setup.query('SELECT count(*)::int AS n FROM integrity_checkpoints')).rows[0].n).toBe(1);
  });
});
