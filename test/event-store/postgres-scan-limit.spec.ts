import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPostgresEventStore, type PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store.ts';
import { migrateDatabase } from '../../src/database/data-source.ts';
import { eventually, things } from '../support/projection-harness.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/**
 * PostgreSQL-only: a read of a rare type looks at a bounded stretch of the log, so on a store of millions it
 * finishes well inside the statement timeout and the reader moves on from where it stopped.
 */
describe('PostgreSQL event store: a tail read of a few types looks at a bounded stretch', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    await migrateDatabase(database.url);
    store = createPostgresEventStore(database.url, { scanLimit: 25 });
  });
  afterAll(async () => {
    await store.close();
    await database.drop();
  });

  it('stops after the scan limit with none of its types, says where, and reading on from there finds the rare event', async () => {
    const start = await store.headPosition();
    const others = await Promise.all(Array.from({ length: 60 }, (_, index) => store.append(`scan-other-${index}`, things(1, 'OtherHappened'), 'no_stream')));
    const rare = await store.append('scan-rare', things(1, 'RareHappened'), 'no_stream');
    await eventually(async () => (await store.headPosition()) === rare.position);
    const otherPositions = others.map((other) => other.position).sort((a, b) => (a < b ? -1 : 1));

    const first = await store.readTail({ after: start, maxCount: 500, eventTypes: ['RareHappened'] });
    expect(first.events).toEqual([]);
    expect(first.more).toBe(true);
    expect(first.scannedTo! >= otherPositions[24]!).toBe(true);
    expect(first.scannedTo! < otherPositions[25]!).toBe(true);

    const reads = [first];
    while (reads.at(-1)!.more) reads.push(await store.readTail({ after: reads.at(-1)!.scannedTo, maxCount: 500, eventTypes: ['RareHappened'] }));
    expect(reads).toHaveLength(3);
    expect(reads.flatMap((read) => read.events).map((event) => event.stream)).toEqual(['scan-rare']);
    expect(reads.at(-1)!.scannedTo).toBe(rare.position);
  });

  it('reads every type without a window, and a caller may ask for a window of its own', async () => {
    const start = await store.headPosition();
    const appended = await Promise.all(Array.from({ length: 40 }, (_, index) => store.append(`scan-all-${index}`, things(1, 'OtherHappened'), 'no_stream')));
    const newest = appended.map((append) => append.position).reduce((a, b) => (a > b ? a : b));
    await eventually(async () => (await store.headPosition()) === newest);

    const everything = await store.readTail({ after: start, maxCount: 500 });
    expect([everything.events.length, everything.more, everything.scannedTo]).toEqual([40, false, newest]);
    const narrow = await store.readTail({ after: start, maxCount: 500, eventTypes: ['OtherHappened'], scanLimit: 10 });
    expect([narrow.events.length, narrow.more]).toEqual([10, true]);
  });
});
