export interface Timing {
  warmupMs: number;
  durationMs: number;
}

/** BENCH_SECONDS (default 5) per figure after BENCH_WARMUP_SECONDS (default 1) of warm-up. */
export function readTiming(env: NodeJS.ProcessEnv = process.env): Timing {
  return {
    warmupMs: seconds(env.BENCH_WARMUP_SECONDS, 1) * 1000,
    durationMs: seconds(env.BENCH_SECONDS, 5) * 1000,
  };
}

function seconds(text: string | undefined, fallback: number): number {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new Error(`Expected a number of seconds, got "${text}"`);
  return value;
}
