import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { createPool } from '../../src/database/pool.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const STATEMENT_TIMEOUT_MS = 300;

/** The request pools' timeouts, on a real server. */
describe('a pool with timeouts', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let observer: pg.Pool;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = createPool(database.url, 1, { connectMs: 2000, statementMs: STATEMENT_TIMEOUT_MS, queryMs: 2000 });
    observer = createPool(database.url, 1);
  });
  afterAll(async () => {
    await Promise.all([pool.end(), observer.end()]);
    await database.drop();
  });

  const oldestOpenWrite = async () => (await observer.query<{ xmin: string }>('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin')).rows[0]!.xmin;

  it('has the server end a write transaction its client left open, so it no longer holds back readers of the log', async () => {
    const client = await pool.connect();
    client.on('error', () => undefined);
    try {
      await client.query('BEGIN');
      const { xid } = (await client.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid')).rows[0]!;
      expect(BigInt(await oldestOpenWrite())).toBeLessThanOrEqual(BigInt(xid));

      await new Promise((resolve) => setTimeout(resolve, STATEMENT_TIMEOUT_MS * 4));
      expect(BigInt(await oldestOpenWrite())).toBeGreaterThan(BigInt(xid));
      await expect(client.query('SELECT 1')).rejects.toThrow();
    } finally {
      client.release(true);
    }
  });
});
