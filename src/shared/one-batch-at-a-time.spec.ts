import DataLoader from 'dataloader';
import { coalesced, OneBatchAtATime } from './one-batch-at-a-time.ts';

/** A read whose answers the test releases by hand, recording what the world looked like when each read began. */
function controlledRead() {
  let world = 0;
  const started: { sawWorld: number; finish: (error?: Error) => void }[] = [];
  const read = () =>
    new Promise<number>((resolve, reject) => {
      const sawWorld = world;
      started.push({ sawWorld, finish: (error) => (error ? reject(error) : resolve(sawWorld)) });
    });
  return { read, started, change: () => (world += 1) };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('coalesced', () => {
  it('lets callers who arrive during a read share one later read that sees what changed before they asked', async () => {
    const { read, started, change } = controlledRead();
    const latest = coalesced(read);
    const first = latest();
    await tick();
    change();
    const late = [latest(), latest(), latest()];
    await tick();
    expect(started).toHaveLength(1);
    started[0]!.finish();
    await expect(first).resolves.toBe(0);
    await tick();
    expect(started).toHaveLength(2);
    started[1]!.finish();
    await expect(Promise.all(late)).resolves.toEqual([1, 1, 1]);
  });

  it('fails only the callers of a failed read; the next read still runs', async () => {
    const { read, started } = controlledRead();
    const latest = coalesced(read);
    const failing = latest();
    await tick();
    const waiting = latest();
    started[0]!.finish(new Error('connection lost'));
    await expect(failing).rejects.toThrow('connection lost');
    await tick();
    started[1]!.finish();
    await expect(waiting).resolves.toBe(0);
  });
});

describe('OneBatchAtATime', () => {
  it('keeps one batch in flight and gathers every load made meanwhile into the next', async () => {
    const scheduler = new OneBatchAtATime();
    const batches: string[][] = [];
    const releases: (() => void)[] = [];
    const loader = new DataLoader<string, string>(
      (keys) => scheduler.track(new Promise((resolve) => {
        batches.push([...keys]);
        releases.push(() => resolve(keys.map((key) => key.toUpperCase())));
      })),
      { cache: false, batchScheduleFn: scheduler.schedule },
    );
    const first = loader.load('a');
    await tick();
    const meanwhile = [loader.load('b'), loader.load('c')];
    await tick();
    await tick();
    expect(batches).toEqual([['a']]);
    releases[0]!();
    await expect(first).resolves.toBe('A');
    await tick();
    expect(batches).toEqual([['a'], ['b', 'c']]);
    releases[1]!();
    await expect(Promise.all(meanwhile)).resolves.toEqual(['B', 'C']);
  });
});
