import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { checkpoints } from '../../projections/runner/checkpoint-store.ts';
import { requestRebuild } from '../../projections/runner/rebuild-request.ts';
import { actualCounts, createEventCountTable, eventCountProjection, expectedCounts } from '../support/event-count.projection.ts';
import { createPostgresEventStore } from '../../src/event-store/postgres/postgres-event-store.ts';
import { concurrentWriters, eventually, projectionTestBed, things, type ProjectionTestBed } from '../support/projection-harness.ts';

/**
 * Whether the table counts every stored event, which the runner reaches once PostgreSQL lets it read them: any
 * transaction on the server older than the last events holds them back from readers a while.
 */
const caughtUp = async (bed: ProjectionTestBed, table = 'event_count') => JSON.stringify(await actualCounts(bed.pool, table)) === JSON.stringify(await expectedCounts(bed.pool));

describe('projection runner (real PostgreSQL)', () => {
  let bed: ProjectionTestBed;

  beforeEach(async () => {
    bed = await projectionTestBed();
    await createEventCountTable(bed.pool);
  });
  afterEach(() => bed.close());

  const sorted = (counts: Record<string, unknown>) => Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));

  it('accounts for every event when commit order differs from position order, live and on rebuild', async () => {
    const projection = eventCountProjection();
    const runner = bed.runner(projection);
    runner.start();
    await concurrentWriters(bed.store, 8, 7, 100);
    const expected = await expectedCounts(bed.pool);
    expect(Object.values(expected).reduce((sum, row) => sum + row.events, 0)).toBe(5600);
    await eventually(() => caughtUp(bed));
    expect(sorted(await actualCounts(bed.pool))).toEqual(sorted(expected));

    await requestRebuild(bed.pool, projection);
    await eventually(async () => (await checkpoints.read(bed.pool, projection.name))?.rebuildVersion === null);
    expect(sorted(await actualCounts(bed.pool))).toEqual(sorted(expected));
  });

  it('equals a rebuild from zero after any sequence of events', async () => {
    const projection = eventCountProjection();
    const runner = bed.runner(projection);
    runner.start();
    for (let round = 0; round < 5; round++) {
      await concurrentWriters(bed.store, 3, 1 + round, 1 + ((round * 7) % 5));
    }
    await eventually(() => caughtUp(bed));
    const live = await bed.pool.query('SELECT * FROM event_count ORDER BY id');
    await runner.stop();

    await bed.pool.query('CREATE TABLE event_count_scratch (LIKE event_count INCLUDING ALL)');
    const fromZero = bed.runner(eventCountProjection({ table: 'event_count_scratch' }));
    fromZero.start();
    await eventually(() => caughtUp(bed, 'event_count_scratch'));
    const rebuilt = await bed.pool.query('SELECT * FROM event_count_scratch ORDER BY id');
    expect(rebuilt.rows).toEqual(live.rows);
  });

  it('catches up on a rare type spread thin among many others, live and on rebuild, one bounded stretch of the log at a time', async () => {
    const narrow = createPostgresEventStore(bed.database.url, { scanLimit: 10 });
    try {
      const projection = eventCountProjection();
      const runner = bed.runner(projection, {}, { store: narrow });
      runner.start();
      for (let round = 0; round < 3; round++) {
        await concurrentWriters(bed.store, 2, 1, 1);
        await Promise.all(Array.from({ length: 45 }, (_, index) => bed.store.append(`other-${round}-${index}`, things(1, 'OtherHappened'), 'no_stream')));
      }
      await eventually(() => caughtUp(bed));
      expect(Object.keys(await actualCounts(bed.pool))).toHaveLength(6);

      await requestRebuild(bed.pool, projection);
      await eventually(async () => (await checkpoints.read(bed.pool, projection.name))?.rebuildVersion === null);
      expect(sorted(await actualCounts(bed.pool))).toEqual(sorted(await expectedCounts(bed.pool)));
    } finally {
      await narrow.close();
    }
  });

  it('lets one instance run a projection while another stands by, and hands over when it stops', async () => {
    const projection = eventCountProjection();
    const first = bed.runner(projection);
    const second = bed.runner(projection);
    first.start();
    second.start();
    await concurrentWriters(bed.store, 4, 5, 20);
    await eventually(() => caughtUp(bed));
    await first.stop();
    await concurrentWriters(bed.store, 4, 5, 20);
    await eventually(() => caughtUp(bed));
    expect(sorted(await actualCounts(bed.pool))).toEqual(sorted(await expectedCounts(bed.pool)));
  });

  it('keeps answering from the old table during a rebuild under load, then swaps in a complete one', async () => {
    const projection = eventCountProjection();
    const runner = bed.runner(projection, { batchSize: 50 });
    runner.start();
    await concurrentWriters(bed.store, 4, 10, 50);
    await eventually(() => caughtUp(bed));
    const before = Object.keys(await actualCounts(bed.pool)).length;

    await requestRebuild(bed.pool, projection);
    const writers = concurrentWriters(bed.store, 2, 10, 10);
    const seen: number[] = [];
    while ((await checkpoints.read(bed.pool, projection.name))?.rebuildVersion !== null) {
      seen.push((await bed.pool.query('SELECT count(*)::int AS n FROM event_count')).rows[0].n);
    }
    await writers;
    expect(seen.length).toBeGreaterThan(0);
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(before);
    await eventually(() => caughtUp(bed));
    expect(await bed.pool.query("SELECT to_regclass('event_count__rebuild') AS shadow").then((result) => result.rows[0].shadow)).toBeNull();
  });
});

describe('a rebuild swapped in', () => {
  let bed: ProjectionTestBed;
  const projection = eventCountProjection();
  /** Every index of the live table and every constraint, by name, as later migrations will look them up. */
  const schemaOf = async () => ({
    indexes: (await bed.pool.query("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'event_count' ORDER BY indexname")).rows,
    constraints: (await bed.pool.query("SELECT conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conrelid = 'event_count'::regclass ORDER BY conname")).rows,
  });

  beforeEach(async () => {
    bed = await projectionTestBed();
    await createEventCountTable(bed.pool);
    await bed.pool.query('CREATE INDEX event_count_busiest ON event_count (events DESC) INCLUDE (revision_sum) WHERE events > 1');
    await bed.pool.query('CREATE INDEX event_count_stream_kind ON event_count ((split_part(id, \'-\', 1)))');
    await bed.pool.query('ALTER TABLE event_count ADD CONSTRAINT event_count_sum_unique UNIQUE (id, revision_sum)');
    await concurrentWriters(bed.store, 3, 4, 10);
  });
  afterEach(() => bed.close());

  const rebuilt = () => eventually(async () => (await checkpoints.read(bed.pool, projection.name))?.rebuildVersion === null);

  it('keeps the names and definitions of the live indexes and constraints', async () => {
    const before = await schemaOf();
    expect(before.indexes.map((index: { indexname: string }) => index.indexname)).toEqual(['event_count_busiest', 'event_count_pkey', 'event_count_stream_kind', 'event_count_sum_unique']);
    bed.runner(projection).start();
    await requestRebuild(bed.pool, projection);
    await rebuilt();
    expect(await schemaOf()).toEqual(before);
    await eventually(() => caughtUp(bed));
    expect(await actualCounts(bed.pool)).toEqual(await expectedCounts(bed.pool));
  });

  it('resumes after a crash between indexing the shadow table and the swap, building only what is missing', async () => {
    const before = await schemaOf();
    // The head a reader sees stops below events committed while any transaction on the server older than
    // them still runs: the shadow table holds exactly the events up to it, as the crashed projector's would.
    await eventually(async () => (await bed.store.headPosition()) !== undefined);
    const head = (await bed.store.headPosition())!.toString();
    // What a projector leaves when killed after filling the shadow table and building one index of three.
    await bed.pool.query('CREATE TABLE event_count__rebuild (LIKE event_count INCLUDING ALL EXCLUDING INDEXES)');
    await bed.pool.query('ALTER TABLE event_count__rebuild ADD CONSTRAINT event_count_pkey__rebuild PRIMARY KEY (id)');
    await bed.pool.query(`INSERT INTO event_count__rebuild SELECT stream, count(*), sum(revision) FROM events WHERE type = 'ThingHappened' AND position <= $1 GROUP BY stream`, [head]);
    await bed.pool.query('CREATE INDEX event_count_busiest__rebuild ON event_count__rebuild (events DESC) INCLUDE (revision_sum) WHERE events > 1');
    await bed.pool.query('INSERT INTO projection_checkpoints (name, version, position, rebuild_version, rebuild_position) VALUES ($1, 1, $2, 1, $2)', [projection.name, head]);

    bed.runner(projection).start();
    await rebuilt();
    expect(await schemaOf()).toEqual(before);
    // Events above that head reach the table in the rebuild or, once it is swapped in, live.
    await eventually(() => caughtUp(bed));
    expect(await actualCounts(bed.pool)).toEqual(await expectedCounts(bed.pool));
  });
});

describe('a projection whose version changed', () => {
  let bed: ProjectionTestBed;

  beforeEach(async () => {
    bed = await projectionTestBed();
    await createEventCountTable(bed.pool);
  });
  afterEach(() => bed.close());

  it('is rebuilt from the first event into a fresh table and swapped in as the new version', async () => {
    const v1 = bed.runner(eventCountProjection({ version: 1 }));
    v1.start();
    await concurrentWriters(bed.store, 3, 4, 10);
    await eventually(() => caughtUp(bed));
    await v1.stop();
    // Version 1 had a bug we now fix: corrupt its rows so only a real rebuild makes them right again.
    await bed.pool.query('UPDATE event_count SET events = events + 100');

    const v2 = bed.runner(eventCountProjection({ version: 2 }));
    v2.start();
    await eventually(async () => (await checkpoints.read(bed.pool, 'event_count'))?.version === 2);
    expect((await checkpoints.read(bed.pool, 'event_count'))?.rebuildVersion).toBeNull();
    await eventually(() => caughtUp(bed));
    expect(await actualCounts(bed.pool)).toEqual(await expectedCounts(bed.pool));
  });

  it("folds a case's next event from the row it last wrote, and reads the table again once another writer counted a write", async () => {
    const runner = bed.runner(eventCountProjection());
    runner.start();
    const count = async () => (await actualCounts(bed.pool))['kept-row']?.events;
    await bed.store.append('kept-row', things(1), 'no_stream');
    await eventually(async () => (await count()) === 1);
    // A write nobody counts (no writer does this): the runner's kept row, not the table, is what it folds next.
    await bed.pool.query(`UPDATE event_count SET events = 100 WHERE id = 'kept-row'`);
    await bed.store.append('kept-row', things(1), 0);
    await eventually(async () => (await count()) === 2);

    // A parked event's replay counts its write in the checkpoint: the runner then reads the row from the table.
    await bed.pool.query(`UPDATE event_count SET events = 100 WHERE id = 'kept-row'`);
    await checkpoints.countOutsideWrite(bed.pool, 'event_count');
    await bed.store.append('kept-row', things(1), 1);
    await eventually(async () => (await count()) === 101);
  });
});
