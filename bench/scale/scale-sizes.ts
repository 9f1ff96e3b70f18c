/** How big the read models of a query suite are; the env overrides both suites' defaults. */
export interface ScaleSizes {
  referrals: number;
  complaints: number;
  /** Community Resolutions, proposed over the last year (the resolution seeder's own span). */
  resolutions: number;
  caseManagers: number;
  /** Cases are received on working days spread over this many calendar days before now. */
  historyDays: number;
}

/** The sizes: a national-scale referral list and a large force's complaints. */
export const FULL_SCALE: ScaleSizes = { referrals: 1_000_000, complaints: 100_000, resolutions: 100_000, caseManagers: 100, historyDays: 3 * 365 };
/** Small enough for every `npm run bench`: the same queries, a minute of generation. */
export const SMALL_SCALE: ScaleSizes = { referrals: 20_000, complaints: 2_000, resolutions: 2_000, caseManagers: 20, historyDays: 365 };

export function readScaleSizes(defaults: ScaleSizes, env: NodeJS.ProcessEnv = process.env): ScaleSizes {
  return {
    referrals: count(env.BENCH_REFERRALS, defaults.referrals),
    complaints: count(env.BENCH_COMPLAINTS, defaults.complaints),
    resolutions: count(env.BENCH_RESOLUTIONS, defaults.resolutions),
    caseManagers: count(env.BENCH_CASE_MANAGERS, defaults.caseManagers),
    historyDays: defaults.historyDays,
  };
}

function count(text: string | undefined, fallback: number): number {
  if (text === undefined || text === '') return fallback;
  if (!/^\d+$/.test(text) || Number(text) === 0) throw new Error(`Expected a positive whole number, got "${text}"`);
  return Number(text);
}
