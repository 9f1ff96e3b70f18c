import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres.ts';
import { startServiceProcess, type RunningService } from './service-process.ts';

/** How long the service waits for the database: short, so a test of it going away need not wait long. */
export interface DatabaseTimeouts {
  connectMs: number;
  statementMs: number;
  queryMs: number;
}

/** The service's settings for `timeouts`. */
export const databaseTimeoutsEnv = (timeouts: DatabaseTimeouts) => ({
  DATABASE_CONNECT_TIMEOUT_MS: String(timeouts.connectMs),
  DATABASE_STATEMENT_TIMEOUT_MS: String(timeouts.statementMs),
  DATABASE_QUERY_TIMEOUT_MS: String(timeouts.queryMs),
});

export interface ServiceOnStallablePostgres {
  service: RunningService;
  databaseUrl: string;
  /** Stops every process of the service's PostgreSQL (see stallPostgres); resolves with what starts them again. */
  stall(): Promise<() => void>;
  stop(): Promise<void>;
}

/**
 * The built service as its own process on an embedded PostgreSQL of its own, in a folder of its own: one the
 * test may stall without touching the cluster every other test shares.
 */
export async function startServiceOnStallablePostgres(secret: string, timeouts: DatabaseTimeouts): Promise<ServiceOnStallablePostgres> {
  const dataDir = await mkdtemp(join(tmpdir(), 'casework-stalled-pg-'));
  const postgres = await startEmbeddedPostgres({ dataDir, database: 'casework', durable: false }).catch(async (error: unknown) => {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  });
  const stopPostgres = async () => {
    await postgres.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  const service = await startServiceProcess({ DATABASE_URL: postgres.url, AUTH_JWT_SECRET: secret, ...databaseTimeoutsEnv(timeouts) }).catch(async (error: unknown) => {
    await stopPostgres();
    throw error;
  });
  return {
    service,
    databaseUrl: postgres.url,
    stall: () => stallPostgres(dataDir),
    async stop() {
      await service.stop();
      await stopPostgres();
    },
  };
}

/**
 * Stops every process of the embedded PostgreSQL in `dataDir` (SIGSTOP): as its clients see it, a network partition
 * or a frozen host, where nothing answers and nothing refuses. Resolves with what starts them again.
 */
async function stallPostgres(dataDir: string): Promise<() => void> {
  const processes = await postgresProcesses(dataDir);
  for (const pid of processes) process.kill(pid, 'SIGSTOP');
  return () => {
    for (const pid of processes) process.kill(pid, 'SIGCONT');
  };
}

/** The embedded server's postmaster (from its lock file) and every process it started. */
async function postgresProcesses(dataDir: string): Promise<number[]> {
  const postmaster = Number((await readFile(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0]);
  const children: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // The field after the parenthesised command name and the state is the parent's pid.
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (parent === postmaster) children.push(Number(entry));
  }
  return [postmaster, ...children];
}
