import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createApp } from '../../src/app.factory.ts';
import { parseConfig } from '../../src/config/config.schema.ts';
import { DATABASE_URL } from '../../src/database/database-url.ts';
import { bearer, startTestApp, type TestApp } from '../support/test-app.ts';

/** What the service's requests may do in PostgreSQL: rows, not schema; events appended and read, never rewritten. */
describe('the least-privileged database role (real app, real PostgreSQL)', () => {
  let harness: TestApp;
  let runtime: pg.Client;

  beforeAll(async () => {
    harness = await startTestApp();
    runtime = new pg.Client({ connectionString: harness.app.get<string>(DATABASE_URL) });
    await runtime.connect();
    const created = await harness.request({
      method: 'POST',
      url: '/api/referrals',
      payload: { source: 'self', crimeType: 'burglary', victim: { name: 'Ann Example' }, consent: { contact: true, dataSharing: false, basis: 'explicit' } },
      headers: { authorization: await bearer(['case_manager']) },
    });
    expect(created.statusCode).toBe(201);
  });
  afterAll(async () => {
    await runtime.end();
    await harness.close();
  });

  const refused = (sql: string) => expect(runtime.query(sql)).rejects.toMatchObject({ code: '42501' });

  it('serves requests as a role of its own that is not a superuser', async () => {
    const [role] = (await runtime.query('SELECT current_user AS name, rolsuper AS superuser, rolcreaterole AS "createRole" FROM pg_roles WHERE rolname = current_user')).rows;
    expect(role).toEqual({ name: `${harness.database.url.split('/').pop()}_app`, superuser: false, createRole: false });
    const sessions = await runtime.query<{ role: string }>('SELECT DISTINCT usename AS role FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    expect(sessions.rows).toContainEqual({ role: role.name });
  });

  it('may read and append events but never change or delete one', async () => {
    expect((await runtime.query('SELECT count(*)::int AS count FROM events')).rows).toEqual([{ count: expect.any(Number) }]);
    await refused('UPDATE events SET type = type');
    await refused('DELETE FROM events');
    await refused('TRUNCATE events');
  });

  it('may change read-model rows but not the schema', async () => {
    await expect(runtime.query('UPDATE referral_list SET status = status')).resolves.toBeDefined();
    await refused('CREATE TABLE intruder (id int)');
    await refused('DROP TABLE referral_list');
    await refused('ALTER TABLE referral_list ADD COLUMN intruder int');
  });
});

describe('an owner that may not create roles', () => {
  const name = `casework_test_${randomBytes(6).toString('hex')}`;
  let server: pg.Client;
  let app: NestFastifyApplication | undefined;
  let dataDir: string;

  beforeAll(async () => {
    server = new pg.Client({ connectionString: process.env.CASEWORK_TEST_SERVER_URL });
    await server.connect();
    await server.query(`CREATE ROLE ${name} LOGIN NOCREATEROLE PASSWORD 'owner-password'`);
    await server.query(`CREATE DATABASE ${name} OWNER ${name}`);
    dataDir = await mkdtemp(join(tmpdir(), 'casework-roles-'));
  });
  afterAll(async () => {
    await app?.close();
    await server.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await server.query(`DROP ROLE IF EXISTS ${name}`);
    await server.end();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('still serves, as the owner', async () => {
    const url = new URL(process.env.CASEWORK_TEST_SERVER_URL!);
    Object.assign(url, { username: name, password: 'owner-password', pathname: `/${name}` });
    const config = parseConfig({ DATA_DIR: dataDir, AUTH_JWT_SECRET: 'end-to-end-tests-secret-of-at-least-32-chars' });
    app = await createApp({ config, databaseUrl: url.toString(), logger: false, docsUi: false });
    expect(app.get<string>(DATABASE_URL)).toBe(url.toString());
    await app.listen({ port: 0, host: '127.0.0.1' });
    expect((await fetch(`${await app.getUrl()}/api/health/ready`)).status).toBe(200);
  });
});
