import pg from 'pg';

/**
 * A pool for a suite's own database. Its sockets may still be closing when the suite's database is
 * dropped WITH (FORCE); that termination reaches only idle clients, which must not crash the run.
 */
export function createSuitePool(databaseUrl: string, maxConnections: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: maxConnections });
  pool.on('error', () => undefined);
  return pool;
}
