import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { runBuiltCommand } from '../support/command-line.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/**
 * A backend terminated while its client is lent and its holder has not yet listened for errors (TypeORM's query
 * runner and `await pool.connect()` listen only once a promise has settled): the process must outlive it. It did
 * not, and a database restart under load ended the service.
 */
describe('a pooled client whose backend is terminated before its holder listens for errors', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.drop());

  it('fails only that client, in the event store’s pools and in TypeORM’s, and the process runs on', async () => {
    const outcome = await runBuiltCommand('dist/test/database/held-client.script.js', [database.url], process.env);
    expect({ code: outcome.code, stdout: outcome.stdout.trim() }).toEqual({ code: 0, stdout: 'still running' });
    expect(outcome.stderr).not.toMatch(/Unhandled 'error' event/);
  });
});
