import { parseArgs } from 'node:util';

export interface SeedArgs {
  referrals: number;
  complaints: number;
  resolutions: number;
  seed: number;
}

export const SEED_USAGE = 'Usage: npm run seed -- [--referrals N] [--complaints N] [--resolutions N] [--seed N]';

export class SeedUsageError extends Error {}

/** `--referrals 10000 --complaints 1000 --resolutions 2000`; counts default to 0, the generator's seed to 1. */
export function parseSeedArgs(argv: string[]): SeedArgs {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({ args: argv, options: { referrals: { type: 'string' }, complaints: { type: 'string' }, resolutions: { type: 'string' }, seed: { type: 'string' } } }));
  } catch (error) {
    throw new SeedUsageError(`${(error as Error).message}\n${SEED_USAGE}`);
  }
  const count = (name: keyof SeedArgs, fallback: number) => {
    const text = values[name];
    if (text === undefined) return fallback;
    if (!/^\d+$/.test(text)) throw new SeedUsageError(`--${name} must be a whole number, not "${text}"\n${SEED_USAGE}`);
    return Number(text);
  };
  const args = { referrals: count('referrals', 0), complaints: count('complaints', 0), resolutions: count('resolutions', 0), seed: count('seed', 1) };
  if (args.referrals + args.complaints + args.resolutions === 0) throw new SeedUsageError(`Nothing to write.\n${SEED_USAGE}`);
  return args;
}
