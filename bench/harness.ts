import type { Timing } from './settings.ts';

/** One writer's or reader's next operation; resolves to the units it completed (events, streams). */
export type Operation = () => Promise<number>;

export interface ThroughputRun {
  concurrency: number;
  timing: Timing;
  /** Called once per worker; the worker keeps its own state (current stream, revision) across calls. */
  createWorker: (workerIndex: number) => Operation;
}

/**
 * Units per second of `concurrency` workers each running operations back to back. Warm-up
 * (connections opened, plans cached) is run first and not counted.
 */
export async function measureThroughput({ concurrency, timing, createWorker }: ThroughputRun): Promise<number> {
  const workers = Array.from({ length: concurrency }, (_, index) => createWorker(index));
  await runFor(workers, timing.warmupMs);
  const started = performance.now();
  const units = await runFor(workers, timing.durationMs);
  // Counts the operations still in flight at the deadline too, so divide by the time they really took.
  return units / ((performance.now() - started) / 1000);
}

async function runFor(workers: Operation[], durationMs: number): Promise<number> {
  const deadline = performance.now() + durationMs;
  const perWorker = await Promise.all(
    workers.map(async (operation) => {
      let units = 0;
      while (performance.now() < deadline) units += await operation();
      return units;
    }),
  );
  return perWorker.reduce((total, units) => total + units, 0);
}

/** Runs `task` for 0..count-1 with at most `concurrency` in flight, e.g. to seed data before a read figure. */
export async function forEachConcurrently(count: number, concurrency: number, task: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
}
