import { withClient } from '../bench-server.ts';
import type { ServiceSecrets } from './read-models.ts';
import type { ScaleSizes } from './scale-sizes.ts';

/** Inside a kept store: the secrets its personal data is sealed under and its tokens signed with. */
const SECRETS_TABLE = 'bench_kept_store';

/**
 * BENCH_KEEP_STORE=1: the million-referral store takes 20 to 70 minutes to generate and catch up, so the first run
 * keeps a copy of it (a database named after the sizes, with the secrets it was written under) and later runs
 * with the same sizes start from a fresh copy of that one (a file copy: a couple of minutes), skipping
 * `scale.generate` and `scale.catchup`. Each run's own copy is dropped as usual, so disposals and erasures never
 * reach the kept one. The kept store is as the code of its first run wrote it: the service migrates it and
 * rebuilds the projections whose version moved since, and `DROP DATABASE` of it makes the next run generate anew.
 */
export function keptStore(suiteDatabaseUrl: string, sizes: ScaleSizes, env: NodeJS.ProcessEnv = process.env): KeptStore | undefined {
  if (env.BENCH_KEEP_STORE !== '1') return undefined;
  const kept = `casework_bench_kept_${sizes.referrals}_${sizes.complaints}_${sizes.resolutions}_${sizes.caseManagers}_${sizes.historyDays}`;
  const suiteUrl = new URL(suiteDatabaseUrl);
  const suite = suiteUrl.pathname.slice(1);
  // Copying a database needs a connection to another one of the server: the one every server has.
  const adminUrl = new URL(suiteDatabaseUrl);
  adminUrl.pathname = '/postgres';
  const admin = (sql: string, values: unknown[] = []) => withClient(adminUrl.toString(), (client) => client.query(sql, values));
  // FILE_COPY copies the files after a checkpoint instead of writing gigabytes through the WAL.
  const copy = (from: string, to: string) => admin(`CREATE DATABASE "${to}" TEMPLATE "${from}" STRATEGY FILE_COPY`);
  return {
    name: kept,
    async restore() {
      const found = await admin('SELECT 1 FROM pg_database WHERE datname = $1', [kept]);
      if (found.rowCount === 0) return undefined;
      // The suite's database is still empty and unconnected: replaced by a copy under the same name.
      await admin(`DROP DATABASE "${suite}"`);
      await copy(kept, suite);
      const { rows } = await withClient(suiteDatabaseUrl, (client) => client.query<{ master_key: string; jwt_secret: string }>(`SELECT master_key, jwt_secret FROM ${SECRETS_TABLE}`));
      return { MASTER_KEY: rows[0]!.master_key, AUTH_JWT_SECRET: rows[0]!.jwt_secret };
    },
    async keep(secrets) {
      await withClient(suiteDatabaseUrl, async (client) => {
        await client.query(`CREATE TABLE ${SECRETS_TABLE} (master_key text NOT NULL, jwt_secret text NOT NULL)`);
        await client.query(`INSERT INTO ${SECRETS_TABLE} VALUES ($1, $2)`, [secrets.MASTER_KEY, secrets.AUTH_JWT_SECRET]);
      });
      await copy(suite, kept);
    },
  };
}

export interface KeptStore {
  name: string;
  /** The kept store's copy in place of the suite's empty database, and its secrets; undefined if none is kept yet. */
  restore(): Promise<ServiceSecrets | undefined>;
  /** A copy of the suite's generated, caught-up store, kept for later runs (no connection to it may be open). */
  keep(secrets: ServiceSecrets): Promise<void>;
}
