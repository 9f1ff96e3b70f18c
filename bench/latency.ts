import type { Timing } from './settings.ts';

/** The value below which `p` percent of the samples lie (nearest rank). */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * Milliseconds each request took, `concurrency` clients each sending the next as soon as the last
 * answered, after a warm-up that is not counted (plans cached, pages in memory).
 */
export async function sampleLatencies(concurrency: number, timing: Timing, request: (client: number) => Promise<void>): Promise<number[]> {
  await runFor(concurrency, timing.warmupMs, request, []);
  const samples: number[] = [];
  await runFor(concurrency, timing.durationMs, request, samples);
  return samples;
}

async function runFor(concurrency: number, durationMs: number, request: (client: number) => Promise<void>, samples: number[]): Promise<void> {
  const deadline = performance.now() + durationMs;
  const client = async (index: number) => {
    while (performance.now() < deadline) {
      const started = performance.now();
      await request(index);
      samples.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, index) => client(index)));
}
