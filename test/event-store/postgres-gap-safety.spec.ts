import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { migrateDatabase } from '../../src/database/data-source.ts';
import type { RecordedEvent } from '../../src/event-store/event-store.port.ts';
import { appendStatement } from '../../src/event-store/postgres/postgres-append.ts';
import { createPostgresEventStore, type PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store.ts';
import { concurrentWriters, eventually, things } from '../support/projection-harness.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/** PostgreSQL-only: the global order never skips an event that commits after a later-numbered one. */
describe('PostgreSQL event store: gap safety', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let admin: pg.Pool;

  beforeAll(async () => {
    database = await createTestDatabase();
    await migrateDatabase(database.url);
    store = createPostgresEventStore(database.url);
    admin = new pg.Pool({ connectionString: database.url, max: 4 });
    admin.on('error', () => undefined); // its idle clients are among those the kill test terminates
  });
  afterAll(async () => {
    await store.close();
    await admin.end();
    await database.drop();
  });

  it('holds back a later transaction until an earlier one still open has committed, then delivers both in order', async () => {
    const start = await store.headPosition();
    const slow = await admin.connect();
    try {
      await slow.query('BEGIN');
      const early = await slow.query(appendStatement([{ stream: 'gap-early', events: things(1), expected: 'no_stream' }]));
      const late = await store.append('gap-late', things(1), 'no_stream');
      expect(BigInt(early.rows[0].position) < late.position).toBe(true);

      // The late event is committed, but a reader must not pass it while the early one may still appear.
      expect((await store.readAll({ after: start })).map((event) => event.stream)).not.toContain('gap-late');
      expect(await store.headPosition()).toBe(start);
      // A one-off read of all that is committed now (integrity verification) does get it.
      expect((await store.readAll({ after: start, includeUnsettled: true })).map((event) => event.stream)).toEqual(['gap-late']);

      await slow.query('COMMIT');
      // Any transaction on the server (another test's database too) may still hold the bound back a while.
      await eventually(async () => (await store.headPosition()) === late.position);
      const after = await store.readAll({ after: start });
      expect(after.map((event) => event.stream)).toEqual(['gap-early', 'gap-late']);
    } finally {
      slow.release();
    }
  });

  it('says how far a tail read looked: past events of other types, never past an open transaction', async () => {
    const start = await store.headPosition();
    await store.append('tail-wanted', things(1, 'TailWanted'), 'no_stream');
    const other = await store.append('tail-other', things(2, 'OtherHappened'), 'no_stream');
    const wanted = () => store.readTail({ after: start, eventTypes: ['TailWanted'] });
    await eventually(async () => (await wanted()).scannedTo === other.position);
    expect((await wanted()).events.map((event) => event.stream)).toEqual(['tail-wanted']);
    expect((await store.readTail({ after: start, maxCount: 1, eventTypes: ['TailWanted', 'OtherHappened'] })).scannedTo).toBe((await wanted()).events[0]!.position);

    const slow = await admin.connect();
    try {
      await slow.query('BEGIN');
      await slow.query(appendStatement([{ stream: 'tail-early', events: things(1, 'OtherHappened'), expected: 'no_stream' }]));
      const late = await store.append('tail-late', things(1, 'OtherHappened'), 'no_stream');
      expect((await store.readTail({ after: other.position, eventTypes: ['TailWanted'] })).scannedTo).toBe(other.position);
      await slow.query('COMMIT');
      await eventually(async () => (await store.readTail({ after: other.position, eventTypes: ['TailWanted'] })).scannedTo === late.position);
    } finally {
      slow.release();
    }
  });

  it('with 8 writers appending 100-event batches, a live subscription accounts for every event once', async () => {
    const start = await store.headPosition();
    const subscription = store.subscribe({ after: start, eventTypes: ['ThingHappened'] });
    const expected = 8 * 8 * 100;
    const seen: RecordedEvent[] = [];
    const consumed = (async () => {
      for await (const event of subscription) {
        seen.push(event);
        if (seen.length === expected) break;
      }
    })();
    await concurrentWriters(store, 8, 8, 100);
    await consumed;
    await subscription.close();
    expect(new Set(seen.map((event) => event.id)).size).toBe(expected);
    expect(seen.every((event, index) => index === 0 || seen[index - 1]!.position < event.position)).toBe(true);
    const stored = await admin.query("SELECT count(*)::int AS count FROM events WHERE type = 'ThingHappened' AND position > $1", [(start ?? -1n).toString()]);
    expect(stored.rows[0].count).toBe(expected);
  });

  it('resumes a subscription whose connections are killed, without loss or duplicates', async () => {
    const start = await store.headPosition();
    const subscription = store.subscribe({ after: start, eventTypes: ['ThingHappened'] });
    const seen: RecordedEvent[] = [];
    const expected = 4 * 10 * 10;
    const consumed = (async () => {
      for await (const event of subscription) {
        seen.push(event);
        if (seen.length === expected) break;
      }
    })();
    const writing = concurrentWriters(store, 4, 10, 10);
    for (let kill = 0; kill < 5; kill++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    }
    await writing.catch(() => undefined);
    const written = await admin.query("SELECT count(*)::int AS count FROM events WHERE type = 'ThingHappened' AND position > $1", [(start ?? -1n).toString()]);
    if (written.rows[0].count < expected) await concurrentWriters(store, 1, 1, expected - written.rows[0].count);
    await consumed;
    await subscription.close();
    expect(seen).toHaveLength(expected);
    expect(new Set(seen.map((event) => event.id)).size).toBe(expected);
  });
});
