/** A report cell: a count, or withheld so that no person can be picked out. */
export type ReportCell<Key extends string = string> = { key: Key; count: number; suppressed: false } | { key: Key; count: null; suppressed: true };

/** Counts of 1 to 4 could point to a person (ONS practice for small areas and special-category data). */
export const SMALLEST_SHOWN = 5;

/**
 * Primary suppression withholds every count from 1 to 4. The cells cover the whole total (a `not-recorded`
 * cell included), so a single withheld cell would follow from the total less the others: secondary
 * suppression then also withholds the smallest other non-zero count, so only a sum of two is known.
 */
export function suppressSmallCells<Key extends string>(counts: readonly { key: Key; count: number }[]): ReportCell<Key>[] {
  const small = (count: number) => count > 0 && count < SMALLEST_SHOWN;
  const withheld = new Set(counts.filter(({ count }) => small(count)).map(({ key }) => key));
  if (withheld.size === 1) {
    const partner = counts.filter(({ key, count }) => !withheld.has(key) && count > 0).sort((a, b) => a.count - b.count)[0];
    if (partner) withheld.add(partner.key);
  }
  return counts.map(({ key, count }) => (withheld.has(key) ? { key, count: null, suppressed: true } : { key, count, suppressed: false }));
}
