/**
 * `q=` search over names and references: anywhere in the text, ignoring case and accents (a search
 * for "sian" finds "Siân"). `casework_fold` is the migration's immutable wrapper round `unaccent`, so
 * trigram indexes on the folded names serve these conditions.
 */
export function textMatches(columns: readonly string[], parameter: string): string {
  return `(${columns.map((column) => `casework_fold(${column}) LIKE '%' || casework_fold(:${parameter}) || '%'`).join(' OR ')})`;
}

/** The search text with LIKE's wildcards taken literally. */
export const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (special) => `\\${special}`);
