import type { DataSource } from 'typeorm';

/**
 * A list's condition that leaves out the cases holding a data subject whose processing is restricted (UK GDPR
 * Art. 18), read from the keys as they stand; `idColumn` is the list's case id. Auditors' lists keep them.
 */
export const notRestricted = (idColumn: string) =>
  `${idColumn} NOT IN (SELECT c.id FROM case_subjects c WHERE c.subject_ids ?| ARRAY(SELECT k.subject_id FROM data_subject_keys k WHERE k.restricted))`;

/** Auditors see every case in every list; everyone else's lists leave out the restricted ones. */
export const seesRestrictedCases = (roles: readonly string[]) => roles.includes('auditor');

/** The cases among `caseIds` the viewer's lists would keep, in their order: for answers that name cases outside a list's query (possible matches). */
export async function casesListedFor(database: DataSource, caseIds: readonly string[], roles: readonly string[]): Promise<string[]> {
  if (seesRestrictedCases(roles) || caseIds.length === 0) return [...caseIds];
  const kept: { id: string }[] = await database.query(`SELECT id FROM unnest($1::uuid[]) AS id WHERE ${notRestricted('id')}`, [caseIds]);
  const keptIds = new Set(kept.map(({ id }) => id));
  return caseIds.filter((id) => keptIds.has(id));
}
