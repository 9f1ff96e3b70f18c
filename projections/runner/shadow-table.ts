import type { PoolClient } from 'pg';

/** Where a rebuild writes while queries keep reading the live table. */
export const shadowTableOf = (table: string) => `${table}__rebuild`;

export async function createShadowTable(client: PoolClient, table: string): Promise<void> {
  const live = client.escapeIdentifier(table);
  const shadow = client.escapeIdentifier(shadowTableOf(table));
  await client.query(`DROP TABLE IF EXISTS ${shadow}`);
  await client.query(`CREATE TABLE ${shadow} (LIKE ${live} INCLUDING ALL)`);
}

/**
 * Replaces the live table by the rebuilt one inside the caller's transaction: readers see the
 * old rows until it commits, then the new ones, never a half-built table.
 */
export async function swapShadowTable(client: PoolClient, table: string): Promise<void> {
  const live = client.escapeIdentifier(table);
  const retired = client.escapeIdentifier(`${table}__retired`);
  await client.query(`LOCK TABLE ${live} IN ACCESS EXCLUSIVE MODE`);
  await client.query(`ALTER TABLE ${live} RENAME TO ${retired}`);
  await client.query(`ALTER TABLE ${client.escapeIdentifier(shadowTableOf(table))} RENAME TO ${live}`);
  await client.query(`DROP TABLE ${retired}`);
}
