/**
 * `q=` search over names and references: anywhere in the text, ignoring case and accents (a search
 * for "sian" finds "Siân"). `casework_fold` is the migration's immutable wrapper round `unaccent`, so
 * trigram indexes on the folded names serve these conditions.
 */
export function textMatches(columns: readonly string[], parameter: string): string {
  return `(${columns.map((column) => foldedMatches(`casework_fold(${column})`, parameter)).join(' OR ')})`;
}

/** The same condition on a text already folded (a column that stores the folded name). */
export function foldedMatches(folded: string, parameter: string): string {
  return `${folded} LIKE '%' || casework_fold(:${parameter}) || '%'`;
}

/** The search text with LIKE's wildcards taken literally. */
export const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (special) => `\\${special}`);

/** Trigram indexes serve terms of three characters or more. */
const TRIGRAM = 3;

/**
 * The sort key of a list searched with `q=`: an expression no index provides, so a term the trigram index
 * serves is looked up first and only its matches sorted. Otherwise the planner, overestimating how many rows
 * match a common name, walks the list's order index and unaccents every name it passes until a page is full:
 * a scan of most of the table for a few dozen rows. Shorter terms keep the walk, the best a term can do
 * when no index serves it.
 */
export function searchFirstKey(key: string, q: string | undefined): string {
  return q !== undefined && q.length >= TRIGRAM ? `(${key} + interval '0 seconds')` : key;
}
