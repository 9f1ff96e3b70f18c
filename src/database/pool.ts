import pg from 'pg';
import type { AppConfig } from '../config/config.schema.ts';

/** How long a pool waits on PostgreSQL before its caller hears that the database is unavailable. */
export interface DatabaseTimeouts {
  /** For a connection, new or free in the pool: bounds how many requests wait while the database is away. */
  connectMs: number;
  /** The server cancels a statement that runs longer (a lock held too long); none for work that may be long. */
  statementMs?: number;
  /** The client stops waiting for an answer (a server that stopped answering at all). */
  queryMs?: number;
}

export function databaseTimeouts(config: Pick<AppConfig, 'DATABASE_CONNECT_TIMEOUT_MS' | 'DATABASE_STATEMENT_TIMEOUT_MS' | 'DATABASE_QUERY_TIMEOUT_MS'>): DatabaseTimeouts {
  return { connectMs: config.DATABASE_CONNECT_TIMEOUT_MS, statementMs: config.DATABASE_STATEMENT_TIMEOUT_MS, queryMs: config.DATABASE_QUERY_TIMEOUT_MS };
}

/**
 * A client that always listens for 'error'. pg-pool lends a client with no listener, and its holder adds one only
 * once a promise has settled (TypeORM's query runner, `await pool.connect()`): a backend terminated in that gap (a
 * restart, a failover, `pg_terminate_backend`) can deliver its FATAL error in the same read as the answer that
 * handed the client over, an 'error' event nobody hears, which ends the process. The error still fails the
 * client's queries and marks it unusable, so the pool discards it when it comes back.
 */
class AlwaysListeningClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}

/**
 * node-postgres's pool options (TypeORM passes them on as `extra`): the client above, the timeouts, and keep-alive
 * to notice a peer that vanished. A transaction left open by a client that stalled or vanished is ended by the
 * server after the statement timeout: readers of the log stop below the oldest write transaction still open on the
 * server, so one left open would hold back every projection (and its locks, every command on its case) until TCP
 * gave up on the client.
 */
export function poolOptions(timeouts?: DatabaseTimeouts): pg.PoolConfig {
  const client = { Client: AlwaysListeningClient };
  if (!timeouts) return client;
  return {
    ...client,
    connectionTimeoutMillis: timeouts.connectMs,
    statement_timeout: timeouts.statementMs,
    idle_in_transaction_session_timeout: timeouts.statementMs,
    query_timeout: timeouts.queryMs,
    keepAlive: true,
  };
}

/**
 * A pool whose idle connections may be cut by the server (restart, failover, a dropped database):
 * the pool replaces them on next use, so such an error must not crash the process.
 */
export function createPool(connectionString: string, max: number, timeouts?: DatabaseTimeouts): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, ...poolOptions(timeouts) });
  pool.on('error', () => undefined);
  return pool;
}

/**
 * Runs `work` on a client of its own. A connection cut while the client is held between statements (a restart,
 * a failover, an idle-connection reaper) fails the next statement, and the client is released as broken. The
 * listener here matters for pools not made by `createPool` (the tests' and the bench's plain ones), whose clients
 * do not always listen.
 */
export async function withClient<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let lost: Error | undefined;
  const onError = (error: Error) => (lost = error);
  client.on('error', onError);
  try {
    return await work(client);
  } finally {
    client.removeListener('error', onError);
    client.release(lost);
  }
}
