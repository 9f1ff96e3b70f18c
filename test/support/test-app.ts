import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createApp, type CreateAppOptions } from '../../src/app.factory.ts';
import { mintToken } from '../../src/auth/mint-token.ts';
import type { Role } from '../../src/auth/roles.ts';
import { parseConfig } from '../../src/config/config.schema.ts';
import { createDataSource } from '../../src/database/data-source.ts';
import type { QueryRunner } from 'typeorm';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

const SECRET = 'end-to-end-tests-secret-of-at-least-32-chars';

export interface TestRequest {
  method: 'GET' | 'POST' | 'OPTIONS';
  url: string;
  payload?: object | string;
  headers?: Record<string, string>;
}

export interface TestResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  json<T = any>(): T;
}

export interface TestApp {
  app: NestFastifyApplication;
  /** A real HTTP request to the app listening on a free local port. */
  request(request: TestRequest): Promise<TestResponse>;
  database: TestDatabase;
  /** Straight to the test's database, as someone with database access would: checks of what is stored, tampering. */
  sql<Row = any>(text: string, params?: unknown[]): Promise<Row[]>;
  /** Closes the app and starts a new one on the same database and data folder, as a restart would. */
  restart(): Promise<void>;
  /** Starts a second service on the same database and data folder, as a deployment with several processes runs; the caller closes it. */
  startAnother(): Promise<NestFastifyApplication>;
  close(): Promise<void>;
}

/** The real AppModule on a database of its own, driven through Fastify's request injection. */
export async function startTestApp(env: Record<string, string | undefined> = {}, options: Pick<CreateAppOptions, 'logDestination'> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const dataDir = await mkdtemp(join(tmpdir(), 'casework-e2e-'));
  const config = parseConfig({ DATA_DIR: dataDir, AUTH_JWT_SECRET: SECRET, ...env });
  const boot = async () => {
    // Jest on Node 20 cannot require() the ES-module dependencies of the docs UI's static file server;
    // the service-process test checks the UI on the real build instead.
    const app = await createApp({ config, databaseUrl: database.url, logger: process.env.TEST_APP_LOGS || options.logDestination ? undefined : false, ...options, docsUi: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    return app;
  };
  let sqlPool: pg.Pool | undefined;
  const harness: TestApp = {
    app: await boot(),
    database,
    request: (request) => requestTo(harness.app, request),
    async sql(text, params) {
      sqlPool ??= new pg.Pool({ connectionString: database.url, max: 2 });
      return (await sqlPool.query(text, params)).rows;
    },
    async restart() {
      await harness.app.close();
      harness.app = await boot();
    },
    startAnother: boot,
    async close() {
      await sqlPool?.end();
      await harness.app.close();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** A real HTTP request to a listening app. */
export async function requestTo(app: NestFastifyApplication, { method, url, payload, headers = {} }: TestRequest): Promise<TestResponse> {
  const body = payload === undefined ? undefined : typeof payload === 'string' ? payload : JSON.stringify(payload);
  const contentType: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
  const response = await fetch(`${await app.getUrl()}${url}`, { method, body, headers: { ...contentType, ...headers } });
  const text = await response.text();
  return { statusCode: response.status, headers: Object.fromEntries(response.headers), body: text, json: () => JSON.parse(text) };
}

export function bearer(roles: Role[], sub = 'alice', teams: string[] = []): Promise<string> {
  return mintToken(SECRET, { sub, roles, teams }).then((token) => `Bearer ${token}`);
}

/**
 * A bearer token for a user the service knows, who may be assigned cases: as a real user would, they have
 * made a request with it (reading the referral list, which a case manager or supervisor may).
 */
export async function knownUser(harness: Pick<TestApp, 'request'>, sub: string, roles: Role[] = ['case_manager']): Promise<string> {
  const authorization = await bearer(roles, sub);
  const response = await harness.request({ method: 'GET', url: '/api/referrals?limit=1', headers: { authorization } });
  if (response.statusCode !== 200) throw new Error(`${sub} could not make a request: ${response.statusCode} ${response.body}`);
  return authorization;
}

/** Runs a migration's steps as the database's owner, as migrations run: the requests' own role may change no schema. */
export async function asOwner(harness: Pick<TestApp, 'database'>, work: (runner: QueryRunner) => Promise<void>): Promise<void> {
  const owner = await createDataSource(harness.database.url).initialize();
  const runner = owner.createQueryRunner();
  try {
    await work(runner);
  } finally {
    await runner.release();
    await owner.destroy();
  }
}
