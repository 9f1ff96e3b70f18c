import pg from 'pg';

/**
 * A pool whose idle connections may be cut by the server (restart, failover, a dropped database):
 * the pool replaces them on next use, so such an error must not crash the process.
 */
export function createPool(connectionString: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString, max });
  pool.on('error', () => undefined);
  return pool;
}
