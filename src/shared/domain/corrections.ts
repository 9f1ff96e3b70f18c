import { DomainRuleViolation } from './errors.ts';

/**
 * What a correction changes: the entries of `wanted` that differ from `current` (one left out, undefined, is
 * unchanged; null clears it). A correction that changes nothing is refused, appending nothing.
 */
export function changedDetails<Details extends object>(wanted: Partial<Details>, current: Details): Partial<Details> {
  const entries = Object.entries(wanted).filter(([key, value]) => value !== undefined && value !== current[key as keyof Details]);
  if (entries.length === 0) throw new DomainRuleViolation('correction-changes-nothing', 'Every detail given already has that value: there is nothing to correct');
  return Object.fromEntries(entries) as Partial<Details>;
}

/** Which details a correction changed, in one order however the stored JSON kept its keys. */
export const correctedFields = (corrected: object): string[] => Object.keys(corrected).sort();
