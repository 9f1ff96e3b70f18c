import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { runtimeRoleOf } from '../../src/database/runtime-role.ts';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** PostgreSQL's "database is being accessed by other users". */
const OBJECT_IN_USE = '55006';
const DROP_ATTEMPTS = 40;

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
      try {
        // A pool's end() resolves before its connections have closed; forcing them shut at once would make
        // their clients raise errors into whatever test runs next, so give them a moment first.
        for (let attempt = 0; attempt < DROP_ATTEMPTS; attempt++) {
          try {
            await client.query(`DROP DATABASE IF EXISTS ${name}`);
            return await dropRuntimeRole(client, name);
          } catch (error) {
            if ((error as { code?: string }).code !== OBJECT_IN_USE) throw error;
            await new Promise((resolve) => setTimeout(resolve, 50));
          }
        }
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await dropRuntimeRole(client, name);
      } finally {
        await client.end();
      }
    },
  };
}

/** Roles are the server's, not the database's: the app's role for this database goes with it. */
async function dropRuntimeRole(client: pg.Client, database: string): Promise<void> {
  await client.query(`DROP ROLE IF EXISTS ${client.escapeIdentifier(runtimeRoleOf(database))}`);
}
