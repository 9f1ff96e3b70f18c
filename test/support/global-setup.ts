import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, type RunningPostgres } from '../../src/database/embedded-postgres.ts';

declare global {
  var embeddedTestPostgres: RunningPostgres[] | undefined;
}

/**
 * Every test file gets its own database: on DATABASE_URL's server when set, otherwise on an embedded server of
 * its Jest worker's. A server per worker because readers see events only below the oldest write transaction
 * still open on the whole server, whatever its database: a test that holds one open on purpose (a stalled
 * connection, a gap in the log) would otherwise hold back the read models of the file another worker runs.
 */
export default async function globalSetup(globalConfig: { maxWorkers: number }): Promise<void> {
  if (process.env.DATABASE_URL) {
    process.env.CASEWORK_TEST_SERVER_URLS = process.env.DATABASE_URL;
    return;
  }
  const servers: RunningPostgres[] = [];
  globalThis.embeddedTestPostgres = servers;
  // One after the other: each picks a free port before its server takes it.
  for (let worker = 0; worker < Math.max(1, globalConfig.maxWorkers); worker++) {
    // Under /tmp so the unprivileged user PostgreSQL runs as (when we are root) can reach it.
    const dataDir = await mkdtemp(join(tmpdir(), 'casework-test-pg-'));
    servers.push(await startEmbeddedPostgres({ dataDir, database: 'postgres', durable: false }));
  }
  process.env.CASEWORK_TEST_SERVER_URLS = servers.map((server) => server.url).join(' ');
  console.log(`\nTests run on ${servers.length} embedded PostgreSQL servers, one per worker, in ${servers.map((server) => server.dataDir).join(', ')} (set DATABASE_URL to use another server).`);
}
