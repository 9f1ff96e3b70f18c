import type { PoolClient } from 'pg';

/** PostgreSQL keeps the first 63 bytes of a name. */
const MAX_NAME_BYTES = 63;
const REBUILD_SUFFIX = '__rebuild';

/** How one index of the live table is built on another table. */
interface LiveIndex {
  name: string;
  primaryKey: boolean;
  /** `PRIMARY KEY (id)`, `UNIQUE (...)`...: set when a constraint owns the index. */
  constraint: string | null;
  /** What follows the table in its CREATE INDEX: `USING btree (...) INCLUDE (...) WHERE ...`. */
  method: string | null;
  unique: boolean;
}

/**
 * The name a live index has on the shadow table until the swap renames it back. Index names are
 * unique per schema, so it cannot be the live name while the live table exists.
 */
export function rebuildNameOf(name: string): string {
  const characters = [...name];
  while (Buffer.byteLength(characters.join('') + REBUILD_SUFFIX) > MAX_NAME_BYTES) characters.pop();
  return characters.join('') + REBUILD_SUFFIX;
}

/** The live table's indexes from the catalog, constraint-backed ones (the primary key...) with their constraint. */
export async function liveIndexesOf(client: PoolClient, table: string): Promise<LiveIndex[]> {
  const result = await client.query<LiveIndex>(
    `SELECT i.relname AS name, x.indisprimary AS "primaryKey", x.indisunique AS "unique",
            pg_get_constraintdef(c.oid) AS "constraint",
            CASE WHEN starts_with(d.definition, d.prefix) THEN substr(d.definition, length(d.prefix) + 1) END AS method
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid AND c.conrelid = x.indrelid AND c.contype IN ('p', 'u', 'x')
       CROSS JOIN LATERAL (
         SELECT pg_get_indexdef(x.indexrelid) AS definition,
                format('CREATE %sINDEX %I ON %I.%I ', CASE WHEN x.indisunique THEN 'UNIQUE ' END, i.relname, n.nspname, t.relname) AS prefix
       ) d
      WHERE x.indrelid = $1::regclass
      ORDER BY i.relname`,
    [client.escapeIdentifier(table)],
  );
  for (const index of result.rows) {
    if (index.constraint === null && index.method === null) throw new Error(`Cannot read the definition of index ${index.name} of ${table}`);
  }
  return result.rows;
}

/**
 * The indexes a rebuild's own folds read, so the shadow table has them while it fills: the primary key (the
 * upserts), and the subjects' index (a decision about a subject looks up the rows holding them, subject-rows.ts).
 */
const readWhileFilling = (index: LiveIndex) => index.primaryKey || index.name.endsWith('_subject_ids');

/**
 * Gives `shadow` each of the live table's indexes it lacks (all of them, or only those its folds read while it
 * fills), under its rebuild name. What is built is read from the catalog each time, so a rebuild that crashed
 * between two indexes builds only those still missing. Returns whether it built any.
 */
export async function addMissingIndexes(client: PoolClient, table: string, shadow: string, which: 'read while filling' | 'all'): Promise<boolean> {
  const present = await client.query<{ name: string }>(
    'SELECT i.relname AS name FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = $1::regclass',
    [client.escapeIdentifier(shadow)],
  );
  const presentNames = new Set(present.rows.map((row) => row.name));
  const missing = (await liveIndexesOf(client, table)).filter(
    (index) => (which === 'all' || readWhileFilling(index)) && !presentNames.has(rebuildNameOf(index.name)),
  );
  for (const index of missing) await client.query(buildStatement(client, index, shadow));
  return missing.length > 0;
}

function buildStatement(client: PoolClient, index: LiveIndex, shadow: string): string {
  const name = client.escapeIdentifier(rebuildNameOf(index.name));
  const target = client.escapeIdentifier(shadow);
  if (index.constraint !== null) return `ALTER TABLE ${target} ADD CONSTRAINT ${name} ${index.constraint}`;
  return `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${name} ON ${target} ${index.method}`;
}
