import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, type RunningPostgres } from '../../src/database/embedded-postgres.ts';

declare global {
  var embeddedTestPostgres: RunningPostgres | undefined;
}

/**
 * Every test file gets its own database on one server: DATABASE_URL when set (CI machines
 * that have PostgreSQL), otherwise an embedded server in a temporary folder.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.CASEWORK_TEST_SERVER_URL = process.env.DATABASE_URL;
    return;
  }
  // Under /tmp so the unprivileged user PostgreSQL runs as (when we are root) can reach it.
  const dataDir = await mkdtemp(join(tmpdir(), 'casework-test-pg-'));
  const server = await startEmbeddedPostgres({ dataDir, database: 'postgres', durable: false });
  globalThis.embeddedTestPostgres = server;
  process.env.CASEWORK_TEST_SERVER_URL = server.url;
  console.log(`\nTests run on an embedded PostgreSQL in ${dataDir} (set DATABASE_URL to use another server).`);
}
