import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { checkpoints } from '../../projections/runner/checkpoint-store.ts';
import { parkedEvents } from '../../projections/runner/parked-events.ts';
import { requestRebuild } from '../../projections/runner/rebuild-request.ts';
import { replayParkedEvent } from '../../projections/runner/replay-parked-event.ts';
import { actualCounts, createEventCountTable, eventCountProjection } from '../support/event-count.projection.ts';
import { eventually, projectionTestBed, thingCatalog, things, type ProjectionTestBed } from '../support/projection-harness.ts';

describe('a projection that cannot apply an event', () => {
  let bed: ProjectionTestBed;
  /** The handler's bug: it refuses revision 3 of a stream until the test "fixes" it. */
  let broken: boolean;
  const projection = eventCountProjection({ failOn: (revision) => broken && revision === 3 });
  const logged: { level: string; message: string }[] = [];

  beforeEach(async () => {
    broken = true;
    logged.length = 0;
    bed = await projectionTestBed();
    await createEventCountTable(bed.pool);
  });
  afterEach(() => bed.close());

  const start = () => bed.runner(projection, { parkAfterAttempts: 2, parkRetryDelayMs: 5, log: (level, message) => logged.push({ level, message }) }).start();
  const parkedOnce = async (position: bigint) => {
    await eventually(async () => (await checkpoints.read(bed.pool, projection.name))?.position === position);
    return parkedEvents.list(bed.pool, projection.name);
  };

  it('parks it after its retries, applies every other event, logs it at error level, and applies it when replayed once fixed', async () => {
    start();
    const { position: last } = await bed.store.append('thing-fragile', things(6), 'no_stream');
    const [bad] = await bed.store.readStream('thing-fragile', { from: 3, maxCount: 1 });

    const parked = await parkedOnce(last);
    expect(parked).toEqual([
      {
        position: bad!.position.toString(),
        stream: 'thing-fragile',
        revision: 3,
        eventId: bad!.id,
        type: 'ThingHappened',
        error: 'Error: refusing revision 3',
        attempts: 2,
        parkedAt: expect.any(String),
        lastAttemptAt: expect.any(String),
        replayedAt: null,
        replayedBy: null,
      },
    ]);
    expect(await actualCounts(bed.pool)).toEqual({ 'thing-fragile': { events: 5, revision_sum: 0 + 1 + 2 + 4 + 5 } });
    expect((await checkpoints.read(bed.pool, projection.name))?.lastError).toBeNull();
    expect(logged.filter((line) => line.level === 'error')).toEqual([{ level: 'error', message: expect.stringContaining(`parked ThingHappened at position ${bad!.position}`) }]);

    const replay = () => replayParkedEvent(bed.pool, bed.store, thingCatalog, projection, bad!.position, 'admin-ada');
    const stillBroken = await replay();
    expect(stillBroken).toEqual({ position: bad!.position.toString(), replayed: false, error: 'Error: refusing revision 3' });
    expect(await parkedEvents.list(bed.pool, projection.name)).toEqual([expect.objectContaining({ revision: 3, attempts: 3 })]);

    broken = false;
    expect(await replay()).toEqual({ position: bad!.position.toString(), replayed: true });
    expect(await actualCounts(bed.pool)).toEqual({ 'thing-fragile': { events: 6, revision_sum: 15 } });
    expect(await parkedEvents.list(bed.pool, projection.name)).toEqual([]);
    expect(await parkedEvents.list(bed.pool, projection.name, { replayed: true })).toEqual([expect.objectContaining({ revision: 3, attempts: 3, replayedAt: expect.any(String), replayedBy: 'admin-ada' })]);
    expect(await replay()).toBeUndefined();
  });

  it('parks each failing event of one batch and applies every other', async () => {
    await bed.store.append('thing-a', things(6), 'no_stream');
    const { position: last } = await bed.store.append('thing-b', things(6), 'no_stream');
    start();
    const parked = await parkedOnce(last);
    expect(parked.map(({ stream, revision }) => ({ stream, revision }))).toEqual([
      { stream: 'thing-a', revision: 3 },
      { stream: 'thing-b', revision: 3 },
    ]);
    expect(await actualCounts(bed.pool)).toEqual({ 'thing-a': { events: 5, revision_sum: 12 }, 'thing-b': { events: 5, revision_sum: 12 } });
  });

  it('parks it again in a rebuild that still cannot apply it, lists only what the swapped-in table went past, and keeps the record of replays', async () => {
    start();
    const { position: last } = await bed.store.append('thing-fragile', things(6), 'no_stream');
    const [before] = await parkedOnce(last);

    await requestRebuild(bed.pool, projection);
    await eventually(async () => (await checkpoints.read(bed.pool, projection.name))?.rebuildVersion === null);
    const [again, ...more] = await parkedEvents.list(bed.pool, projection.name);
    expect(more).toEqual([]);
    expect(again).toMatchObject({ position: before!.position, revision: 3, attempts: 2 });
    expect(Date.parse(again!.parkedAt)).toBeGreaterThan(Date.parse(before!.parkedAt));
    expect(await actualCounts(bed.pool)).toEqual({ 'thing-fragile': { events: 5, revision_sum: 12 } });

    broken = false;
    expect(await replayParkedEvent(bed.pool, bed.store, thingCatalog, projection, BigInt(again!.position), 'admin-ada')).toMatchObject({ replayed: true });
    await requestRebuild(bed.pool, projection);
    await eventually(async () => (await checkpoints.read(bed.pool, projection.name))?.rebuildVersion === null);
    expect(await parkedEvents.list(bed.pool, projection.name)).toEqual([]);
    expect(await parkedEvents.list(bed.pool, projection.name, { replayed: true })).toEqual([expect.objectContaining({ position: again!.position, replayedBy: 'admin-ada' })]);
    expect(await actualCounts(bed.pool)).toEqual({ 'thing-fragile': { events: 6, revision_sum: 15 } });
  });

  it('parks nothing when the failure is not an event’s: only that projection halts, keeping its checkpoint', async () => {
    const missingTable = eventCountProjection({ table: 'event_count_never_migrated' });
    bed.runner(missingTable, { parkAfterAttempts: 1 }).start();
    broken = false;
    start();
    const { position } = await bed.store.append('thing-any', things(2), 'no_stream');
    await eventually(async () => (await checkpoints.read(bed.pool, missingTable.name))?.lastError != null);
    await eventually(async () => (await checkpoints.read(bed.pool, projection.name))?.position === position);
    expect((await checkpoints.read(bed.pool, missingTable.name))?.position).toBeNull();
    expect(await parkedEvents.list(bed.pool, missingTable.name)).toEqual([]);
  });
});
