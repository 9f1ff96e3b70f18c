import type { PoolClient } from 'pg';
import { addMissingIndexes, liveIndexesOf, rebuildNameOf } from './shadow-indexes.ts';

/** Where a rebuild writes while queries keep reading the live table. */
export const shadowTableOf = (table: string) => `${table}__rebuild`;

/**
 * The live table's columns, defaults and checks, with only the indexes its fill reads (the primary key, which
 * the upserts' ON CONFLICT needs, and any subjects' index): filling a table is far cheaper when each other
 * index is built once at the end, by one sort.
 */
export async function createShadowTable(client: PoolClient, table: string): Promise<void> {
  const live = client.escapeIdentifier(table);
  const shadow = shadowTableOf(table);
  await client.query(`DROP TABLE IF EXISTS ${client.escapeIdentifier(shadow)}`);
  await client.query(`CREATE TABLE ${client.escapeIdentifier(shadow)} (LIKE ${live} INCLUDING ALL EXCLUDING INDEXES)`);
  await addMissingIndexes(client, table, shadow, 'read while filling');
}

/** Builds on the shadow table the live table's indexes it still lacks; returns whether it built any. */
export function indexShadowTable(client: PoolClient, table: string): Promise<boolean> {
  return addMissingIndexes(client, table, shadowTableOf(table), 'all');
}

/**
 * Replaces the live table by the rebuilt one inside the caller's transaction: readers see the old rows
 * until it commits, then the new ones, never a half-built table. The rebuilt table's indexes and
 * constraints take the live ones' names, so later migrations find them by the names they gave.
 */
export async function swapShadowTable(client: PoolClient, table: string): Promise<void> {
  const live = client.escapeIdentifier(table);
  await client.query(`LOCK TABLE ${live} IN ACCESS EXCLUSIVE MODE`);
  // Normally a no-op; under the lock, an index a migration added since the shadow was indexed is built too.
  await indexShadowTable(client, table);
  const indexes = await liveIndexesOf(client, table);
  await client.query(`DROP TABLE ${live}`);
  await client.query(`ALTER TABLE ${client.escapeIdentifier(shadowTableOf(table))} RENAME TO ${live}`);
  // Renaming a constraint's index renames the constraint too.
  for (const { name } of indexes) await client.query(`ALTER INDEX ${client.escapeIdentifier(rebuildNameOf(name))} RENAME TO ${client.escapeIdentifier(name)}`);
}
