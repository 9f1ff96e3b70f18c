import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { checkpoints } from '../../projections/runner/checkpoint-store.ts';
import { TailReader } from '../../projections/runner/tail-reader.ts';
import type { EventStore } from '../../src/event-store/event-store.port.ts';
import { appendStatement } from '../../src/event-store/postgres/postgres-append.ts';
import { createPostgresEventStore, type PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store.ts';
import { actualCounts, createEventCountTable, eventCountProjection, expectedCounts } from '../support/event-count.projection.ts';
import { concurrentWriters, eventually, projectionTestBed, things, type ProjectionTestBed } from '../support/projection-harness.ts';

/** Longer than any test here waits: whatever these projectors see, a wake-up brought them. */
const NO_SAFETY_POLL = { safetyPollMs: 600_000 };

/** The store, counting the projector's reads of the tail. */
function counted(store: EventStore): { store: EventStore; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(store, {
    get(target, key) {
      if (key === 'readTail') return (...args: Parameters<EventStore['readTail']>) => (reads++, target.readTail(...args));
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store: proxy, reads: () => reads };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('projectors woken by appends (real PostgreSQL)', () => {
  let bed: ProjectionTestBed;
  /** Another process's event store: its appends reach the projectors only through PostgreSQL. */
  let elsewhere: PostgresEventStore;

  beforeEach(async () => {
    bed = await projectionTestBed();
    await createEventCountTable(bed.pool);
    elsewhere = createPostgresEventStore(bed.database.url);
  });
  afterEach(async () => {
    await elsewhere.close();
    await bed.close();
  });

  const caughtUp = async (table = 'event_count') => JSON.stringify(await actualCounts(bed.pool, table)) === JSON.stringify(await expectedCounts(bed.pool));
  const checkpointOf = async (name = 'event_count') => (await checkpoints.read(bed.pool, name))!;

  it('moves a projection past the events it read when none was of its types, then writes nothing while idle', async () => {
    const reading = counted(bed.store);
    bed.runner(eventCountProjection(), { safetyPollMs: 20 }, { store: reading.store }).start();
    const { position } = await bed.store.append('other-1', things(3, 'OtherHappened'), 'no_stream');

    await eventually(async () => (await checkpointOf()).position === position);
    const idle = await checkpointOf();
    const reads = reading.reads();
    await eventually(async () => reading.reads() >= reads + 5);
    expect((await checkpointOf()).updatedAt).toEqual(idle.updatedAt);
  });

  it('reads nothing while nothing is appended, and is woken by an append in another process', async () => {
    const reading = counted(bed.store);
    bed.runner(eventCountProjection(), NO_SAFETY_POLL, { store: reading.store }).start();
    await eventually(async () => reading.reads() > 0);
    await pause(300);
    const idle = reading.reads();
    await pause(500);
    expect(reading.reads()).toBe(idle);

    const { position } = await elsewhere.append('thing-1', things(2), 'no_stream');
    await eventually(async () => (await checkpointOf()).position === position);
    expect(await actualCounts(bed.pool)).toEqual({ 'thing-1': { events: 2, revision_sum: 1 } });
  });

  it('listens again after its listening connection is cut, and hears appends from then on', async () => {
    bed.runner(eventCountProjection(), NO_SAFETY_POLL).start();
    const listeners = async () =>
      (await bed.pool.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'")).rows.map((row) => row.pid);
    await eventually(async () => (await listeners()).length === 1);
    const [cut] = await listeners();
    await bed.pool.query('SELECT pg_terminate_backend($1)', [cut]);
    await eventually(async () => (await listeners()).some((pid) => pid !== cut));

    const { position } = await elsewhere.append('thing-1', things(1), 'no_stream');
    await eventually(async () => (await checkpointOf()).position === position);
  });

  it('woken for an event an older open transaction still holds back, reads again until it is readable', async () => {
    const reading = counted(bed.store);
    bed.runner(eventCountProjection(), NO_SAFETY_POLL, { store: reading.store }).start();
    await eventually(async () => reading.reads() > 0);
    const slow = await bed.pool.connect();
    try {
      await slow.query('BEGIN');
      await slow.query(appendStatement([{ stream: 'thing-early', events: things(1), expected: 'no_stream' }]));
      const before = reading.reads();
      await elsewhere.append('thing-late', things(1), 'no_stream');
      // Woken for the late event, the projector reads while the early transaction holds the bound below it.
      await eventually(async () => reading.reads() > before);
      expect(await actualCounts(bed.pool)).toEqual({});
      // This commit sends no notification: only reading again after the wake-up finds either event.
      await slow.query('COMMIT');
    } finally {
      slow.release();
    }
    await eventually(() => caughtUp());
    expect(Object.keys(await actualCounts(bed.pool)).sort()).toEqual(['thing-early', 'thing-late']);
  });

  it('accounts for every event appended concurrently by other processes, sharing one reader between projections', async () => {
    await createEventCountTable(bed.pool, 'event_count_twin');
    const tail = new TailReader(50);
    bed.runner(eventCountProjection(), { ...NO_SAFETY_POLL, batchSize: 50 }, { tail }).start();
    bed.runner(eventCountProjection({ table: 'event_count_twin' }), { ...NO_SAFETY_POLL, batchSize: 50 }, { tail }).start();
    await eventually(async () => (await checkpoints.readAll(bed.pool)).length === 2);
    await pause(300);
    const another = createPostgresEventStore(bed.database.url);
    try {
      await Promise.all([
        concurrentWriters(elsewhere, 4, 8, 10),
        concurrentWriters(another, 4, 8, 10),
        ...[elsewhere, another].map((store, index) => store.append(`other-${index}`, things(300, 'OtherHappened'), 'no_stream')),
      ]);
    } finally {
      await another.close();
    }
    await eventually(() => caughtUp());
    await eventually(() => caughtUp('event_count_twin'));
    const expected = await expectedCounts(bed.pool);
    expect(Object.values(expected).reduce((sum, row) => sum + row.events, 0)).toBe(640);
    expect(await actualCounts(bed.pool)).toEqual(expected);
    expect(await actualCounts(bed.pool, 'event_count_twin')).toEqual(expected);
  });
});
