import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { PoolClient } from 'pg';
import { foldBatch, writeRowsAdvancing } from '../../projections/runner/apply-batch.ts';
import { advanceStatement, checkpoints } from '../../projections/runner/checkpoint-store.ts';
import { actualCounts, createEventCountTable, eventCountProjection } from '../support/event-count.projection.ts';
import { projectionTestBed, thingCatalog, things, type ProjectionTestBed } from '../support/projection-harness.ts';

/** A live batch's rows and checkpoint go in one statement, with its rows folded before it outside any transaction. */
describe('a live batch written in one statement (real PostgreSQL)', () => {
  let bed: ProjectionTestBed;
  let client: PoolClient;

  beforeAll(async () => {
    bed = await projectionTestBed();
    await createEventCountTable(bed.pool);
    client = await bed.pool.connect();
  });
  afterAll(async () => {
    client.release();
    await bed.close();
  });

  const rows = (events: number) => new Map([['stream-a', { id: 'stream-a', events, revision_sum: 0 }], ['stream-b', undefined]]);

  it('writes the rows, deletes those folded away and moves the checkpoint, when the checkpoint is where its runner knew it', async () => {
    const known = await checkpoints.ensure(bed.pool, 'event_count', 1);
    await bed.pool.query(`INSERT INTO event_count VALUES ('stream-b', 1, 0)`);
    expect(await writeRowsAdvancing(client, 'event_count', rows(1), advanceStatement('event_count', 'live', 7n, known))).toBe(true);
    expect(await actualCounts(bed.pool)).toEqual({ 'stream-a': { events: 1, revision_sum: 0 } });
    expect((await checkpoints.read(bed.pool, 'event_count'))?.position).toBe(7n);
  });

  it('writes nothing once a parked event was replayed into the table after the rows were folded', async () => {
    const known = (await checkpoints.read(bed.pool, 'event_count'))!;
    await checkpoints.countOutsideWrite(bed.pool, 'event_count');
    expect(await writeRowsAdvancing(client, 'event_count', rows(2), advanceStatement('event_count', 'live', 9n, known))).toBe(false);
    expect(await actualCounts(bed.pool)).toEqual({ 'stream-a': { events: 1, revision_sum: 0 } });
    expect((await checkpoints.read(bed.pool, 'event_count'))?.position).toBe(7n);
  });

  it('leaves rows too many for one upsert to a transaction', async () => {
    const known = (await checkpoints.read(bed.pool, 'event_count'))!;
    const many = new Map(Array.from({ length: 3000 }, (_, index) => [`stream-${index}`, { id: `stream-${index}`, events: 1, revision_sum: 0, padding: 'x'.repeat(100) }]));
    expect(await writeRowsAdvancing(client, 'event_count', many, advanceStatement('event_count', 'live', 11n, known))).toBeUndefined();
    expect((await checkpoints.read(bed.pool, 'event_count'))?.position).toBe(7n);
  });
});

describe('a batch folded without reading the rows it cannot find (real PostgreSQL)', () => {
  let bed: ProjectionTestBed;

  beforeAll(async () => {
    bed = await projectionTestBed();
    await createEventCountTable(bed.pool);
  });
  afterAll(() => bed.close());

  it('folds a projection whose every event makes a row of its own without reading the table first', async () => {
    await bed.store.append('own-row', things(2), 'no_stream');
    const events = await bed.store.readStream('own-row');
    await bed.pool.query(`INSERT INTO event_count VALUES ('own-row', 40, 0)`);
    const sources = { catalog: thingCatalog, source: bed.store };

    const read = await foldBatch(bed.pool, eventCountProjection(), 'event_count', events, sources);
    const unread = await foldBatch(bed.pool, { ...eventCountProjection(), rowPerEvent: true }, 'event_count', events, sources);

    expect(read.get('own-row')).toMatchObject({ events: 42 });
    expect(unread.get('own-row')).toMatchObject({ events: 2 });
  });

  it('reads no row of a one-row-per-stream projection for a stream the batch begins, and reads the row of a stream it continues', async () => {
    await bed.store.append('begun', things(2), 'no_stream');
    await bed.store.append('continued', things(2), 'no_stream');
    const events = [...(await bed.store.readStream('begun')), ...(await bed.store.readStream('continued')).slice(1)];
    // A row no event of 'begun' could have made: read, it would show in the fold.
    await bed.pool.query(`INSERT INTO event_count VALUES ('begun', 40, 0), ('continued', 40, 0)`);
    const reads = jest.spyOn(bed.pool, 'query');

    const projection = { ...eventCountProjection(), rowPerStream: true };
    const sources = { catalog: thingCatalog, source: bed.store };
    const folded = await foldBatch(bed.pool, projection, 'event_count', events, sources, { inOrder: true });

    expect(folded.get('begun')).toMatchObject({ events: 2 });
    expect(folded.get('continued')).toMatchObject({ events: 41 });
    const rowReads = reads.mock.calls.filter(([text]) => String(text).includes('to_jsonb'));
    expect(rowReads.map(([, values]) => values)).toEqual([[['continued']]]);
    reads.mockRestore();
    // A parked event replayed later comes after events the row already holds: it is folded onto the row.
    expect((await foldBatch(bed.pool, projection, 'event_count', events.slice(0, 1), sources)).get('begun')).toMatchObject({ events: 41 });
  });
});
