import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

function serverUrl(): string {
  const url = process.env.CASEWORK_TEST_SERVER_URL;
  if (!url) throw new Error('CASEWORK_TEST_SERVER_URL is not set: run the tests through jest (test/support/global-setup.ts)');
  return url;
}

/** A fresh, empty database of its own for one test file, so test files never see each other's events. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `casework_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
