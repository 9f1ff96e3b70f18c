import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { migrateDatabase } from '../../src/database/data-source.ts';
import { createPostgresEventStore, type PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store.ts';
import { things } from '../support/projection-harness.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/** PostgreSQL-only: a lock held too long on the events table makes appends fail as unavailable, storing nothing. */
describe('PostgreSQL event store: statement timeouts', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let admin: pg.Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    await migrateDatabase(database.url);
    // The server's statement timeout alone, far below the client's: a statement it cancels keeps nothing.
    store = createPostgresEventStore(database.url, { timeouts: { connectMs: 2000, statementMs: 300, queryMs: 30_000 } });
    admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await store.close();
    await database.drop();
  });

  it('fails appends sharing a statement as unavailable while the events table is locked, and stores them once it is free', async () => {
    const streams = Array.from({ length: 4 }, () => `locked-${randomUUID()}`);
    const events = streams.map(() => things(1));
    await admin.query('BEGIN');
    try {
      await admin.query('LOCK TABLE events IN EXCLUSIVE MODE');
      const outcomes = await Promise.allSettled(streams.map((stream, index) => store.append(stream, events[index]!, 'no_stream')));
      expect(outcomes.map((outcome) => outcome.status === 'rejected' && (outcome.reason as Error).name)).toEqual(streams.map(() => 'EventStoreUnavailable'));
    } finally {
      await admin.query('COMMIT');
    }
    const stored = await admin.query<{ count: number }>('SELECT count(*)::int AS count FROM events WHERE stream = ANY($1)', [streams]);
    expect(stored.rows[0]!.count).toBe(0);
    const retried = await Promise.all(streams.map((stream, index) => store.append(stream, events[index]!, 'no_stream')));
    expect(retried.map((appended) => appended.revision)).toEqual(streams.map(() => 0));
  });
});
