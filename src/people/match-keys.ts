import { createHmac, hkdfSync } from 'node:crypto';
import type { MatchValue } from './domain/normalise.ts';

/**
 * Read models match people on keyed hashes of their normalised details, never the details themselves:
 * without the key (derived from MASTER_KEY) a hash cannot be tested against a guessed name or birth date.
 * One key per process, set where the event stores open, because projections are plain objects that
 * every process (API, projectors, rebuilds) folds the same way.
 */
let matchingKey: Buffer | undefined;

export function useMatchingKeyFrom(masterKey: Buffer): void {
  matchingKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'casework person matching', 32));
}

/** `<field>:<hash>`: the field stays readable so a match can say what it matched on. */
export function matchKeys(values: readonly MatchValue[]): string[] {
  if (!matchingKey) throw new Error('The person-matching key is not set: open the event stores first');
  const key = matchingKey;
  return [...new Set(values.map(({ field, value }) => `${field}:${createHmac('sha256', key).update(`${field}\u0000${value}`).digest('base64url')}`))];
}

export const matchedFields = (keys: readonly string[]): string[] => [...new Set(keys.map((key) => key.slice(0, key.indexOf(':'))))];
