import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../src/database/embedded-postgres.ts';

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** The one PostgreSQL server every figure of a run is measured on. */
export interface BenchServer {
  /** A fresh, empty database, so one contender's tables and WAL never slow another's. */
  createDatabase(label: string): Promise<BenchDatabase>;
  /**
   * Writes out what earlier suites left dirty, so their background flushing does not slow the next
   * suite. Best effort: needs superuser or pg_checkpoint on a DATABASE_URL server.
   */
  settle(): Promise<void>;
  /** Version and the settings that decide commit cost, for the human reading the run. */
  describe(): Promise<string>;
  stop(): Promise<void>;
}

/** DATABASE_URL's server when set (needs CREATEDB); otherwise a durable embedded one in a temporary folder. */
export async function startBenchServer(log: (line: string) => void): Promise<BenchServer> {
  const external = process.env.DATABASE_URL;
  if (external) return benchServer(external, log, async () => {});
  // Under /tmp so the unprivileged user PostgreSQL runs as (when we are root) can reach it.
  const dataDir = await mkdtemp(join(tmpdir(), 'casework-bench-'));
  // Durable: real fsync on commit, as in production, so commit costs compare fairly.
  // pg_stat_statements: the statements suite counts the statements each command and read costs.
  const embedded = await startEmbeddedPostgres({ dataDir, database: 'casework_bench', durable: true, preloadLibraries: ['pg_stat_statements'] });
  log(`Embedded PostgreSQL in ${dataDir}`);
  return benchServer(embedded.url, log, async () => {
    await embedded.stop();
    await rm(dataDir, { recursive: true, force: true });
  });
}

function benchServer(adminUrl: string, log: (line: string) => void, stopServer: () => Promise<void>): BenchServer {
  const admin = (sql: string) => withClient(adminUrl, (client) => client.query(sql));
  return {
    async createDatabase(label) {
      const name = `casework_bench_${label}_${randomBytes(4).toString('hex')}`;
      await admin(`CREATE DATABASE ${name}`);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return { url: url.toString(), drop: async () => void (await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)) };
    },
    settle: () => admin('CHECKPOINT').then(
      () => {},
      (error: unknown) => log(`  No CHECKPOINT before the suite: ${error instanceof Error ? error.message : String(error)}`),
    ),
    describe: () =>
      withClient(adminUrl, async (client) => {
        const settings = await client.query<{ name: string; setting: string }>(
          `SELECT name, setting FROM pg_settings
            WHERE name IN ('server_version', 'fsync', 'synchronous_commit', 'wal_sync_method', 'shared_buffers', 'max_connections', 'autovacuum')
            ORDER BY name`,
        );
        return settings.rows.map((row) => `${row.name}=${row.setting}`).join(' ');
      }),
    stop: stopServer,
  };
}

export async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
