import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { mintToken } from '../../src/auth/mint-token.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { startServiceProcess, type RunningService } from '../support/service-process.ts';
import { databaseTimeoutsEnv, startServiceOnStallablePostgres, type ServiceOnStallablePostgres } from '../support/stalled-postgres.ts';

/**
 * The built service as its own process while its database goes away under a command load: every backend
 * terminated (what a PostgreSQL restart, a failover or an idle-connection reaper does), or every PostgreSQL
 * process stopped (a network partition, a frozen host). The process stays up, each request is answered (a 503
 * problem+json while the database is away), and once it is back every command retried with its
 * Idempotency-Key is stored exactly once.
 */
const SECRET = 'database-faults-tests-secret-of-32-chars';
const CONNECT_TIMEOUT_MS = 1000;
const STATEMENT_TIMEOUT_MS = 1000;
const QUERY_TIMEOUT_MS = 1500;
const TIMEOUTS = { connectMs: CONNECT_TIMEOUT_MS, statementMs: STATEMENT_TIMEOUT_MS, queryMs: QUERY_TIMEOUT_MS };
/**
 * While the database is away a request waits, each time for a connection and then an answer, at most four times:
 * behind a shared statement already in flight, for its own, then twice to release its key; doubled for a machine
 * this test shares with others. A request still unanswered after that is one the timeouts did not bound.
 */
const ANSWER_BOUND_MS = 2 * 4 * (CONNECT_TIMEOUT_MS + QUERY_TIMEOUT_MS);
/** Longer than an unfinished claim on an Idempotency-Key takes to count as abandoned (30 s), at 100 ms a try. */
const SETTLE_ATTEMPTS = 600;
/** Each test: a few seconds of load, then, at worst, the wait for abandoned claims. */
const TEST_TIMEOUT_MS = 120_000;
const CLIENTS = 6;
const COMMANDS_EACH = 30;

interface Answer {
  key: string;
  status: number;
  contentType: string | null;
  retryAfter: string | null;
  body: { id?: string; type?: string; position?: string };
}

describe('the service process when its database goes away under load', () => {
  let token: string;

  beforeAll(async () => {
    token = await mintToken(SECRET, { sub: 'alice', roles: ['case_manager'] });
  });

  const createReferral = async (service: RunningService, key: string): Promise<Answer> => {
    const response = await fetch(`${service.url}/api/referrals`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify({ source: 'self', crimeType: 'theft', victim: { name: 'Ann Example' }, consent: { contact: true, dataSharing: false, basis: 'explicit' } }),
      signal: AbortSignal.timeout(ANSWER_BOUND_MS),
    }).catch((error: unknown) => {
      throw new Error(`no answer; the service ${describeProcess(service)}`, { cause: error });
    });
    return { key, status: response.status, contentType: response.headers.get('content-type'), retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Answer['body'] };
  };

  /** CLIENTS clients sending COMMANDS_EACH commands one after another; `answers` fills as they are answered. */
  const commandLoad = (service: RunningService) => {
    const answers: Answer[] = [];
    const done = Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let sent = 0; sent < COMMANDS_EACH; sent++) answers.push(await createReferral(service, randomUUID()));
      }),
    );
    const answered = (count: number) => waitFor(async () => answers.length >= count);
    return { answers, done, answered };
  };

  /**
   * The database is back: readiness says so on its own, every command that got a 503 and is retried with its key
   * is stored once, nothing answered 201 is lost, no hash chain is broken, and the projectors catch up.
   */
  const expectEverythingSettles = async (service: RunningService, answers: Answer[], databaseUrl: string) => {
    expect(service.process.exitCode).toBeNull();
    expect(answers.filter((answer) => answer.status !== 201 && answer.status !== 503)).toEqual([]);
    for (const unavailable of answers.filter((answer) => answer.status === 503)) {
      expect(unavailable).toMatchObject({ contentType: expect.stringContaining('application/problem+json'), retryAfter: expect.stringMatching(/^\d+$/), body: { type: '/problems/unavailable' } });
    }
    await waitFor(async () => (await fetch(`${service.url}/api/health/ready`)).status === 200);

    const settled = new Map<string, string>();
    for (const answer of answers) {
      const final = answer.status === 201 ? answer : await retriedUntilStored(service, answer.key);
      settled.set(answer.key, final.body.id!);
    }
    const fresh = await createReferral(service, randomUUID());
    expect(fresh.status).toBe(201);
    // The projectors resumed from their checkpoints: the read model reaches the newest command, hence every one before it.
    await waitFor(async () => {
      const read = await fetch(`${service.url}/api/referrals/${fresh.body.id}`, { headers: { authorization: `Bearer ${token}`, 'x-min-position': fresh.body.position! } });
      return read.status === 200;
    });

    // Nothing half-written: every stream's hash chain still holds.
    const auditor = await mintToken(SECRET, { sub: 'audrey', roles: ['auditor'] });
    const verified = await fetch(`${service.url}/api/audit/verify`, { headers: { authorization: `Bearer ${auditor}` } });
    expect(await verified.json()).toMatchObject({ ok: true, firstBreak: null });

    const database = new pg.Client({ connectionString: databaseUrl });
    await database.connect();
    try {
      const stored = await database.query<{ stream: string; count: number }>("SELECT stream, count(*)::int AS count FROM events WHERE type = 'ReferralReceived' GROUP BY stream");
      const ids = new Set(stored.rows.map((row) => row.stream.replace(/^referral-/, '')));
      expect(stored.rows.filter((row) => row.count !== 1)).toEqual([]);
      expect([...settled.values()].filter((id) => !ids.has(id))).toEqual([]);
      expect(stored.rows).toHaveLength(new Set(settled.values()).size + 1);
    } finally {
      await database.end();
    }
  };

  /**
   * A retry may find the key still claimed (409, in progress) for a while: a claim PostgreSQL stored after its
   * request had given up on it, or whose release could not reach the database, holds until it counts as abandoned.
   */
  const retriedUntilStored = async (service: RunningService, key: string): Promise<Answer> => {
    let answer: Answer | undefined;
    await waitFor(async () => {
      answer = await createReferral(service, key);
      expect([201, 409, 503]).toContain(answer.status);
      if (answer.status === 409) expect(answer.body.type).toBe('/problems/idempotency-request-in-progress');
      return answer.status === 201;
    }, SETTLE_ATTEMPTS);
    return answer!;
  };

  describe('every backend of the service terminated, twice', () => {
    let database: TestDatabase;
    let service: RunningService;

    beforeAll(async () => {
      database = await createTestDatabase();
      service = await startServiceProcess({ DATABASE_URL: database.url, AUTH_JWT_SECRET: SECRET, ...databaseTimeoutsEnv(TIMEOUTS) });
    });
    afterAll(async () => {
      await service?.stop();
      await database?.drop();
    });

    it('keeps the process up, answers 503 for what was cut, and stores every retried command once', async () => {
      const load = commandLoad(service);
      await load.answered(CLIENTS * 5);
      expect(await terminateBackendsOf(database.url)).toBeGreaterThan(0);
      await load.answered(CLIENTS * 15);
      expect(await terminateBackendsOf(database.url)).toBeGreaterThan(0);
      await load.done;
      await expectEverythingSettles(service, load.answers, database.url);
    }, TEST_TIMEOUT_MS);
  });

  describe('every PostgreSQL process stopped (SIGSTOP) for longer than the timeouts', () => {
    let running: ServiceOnStallablePostgres;

    beforeAll(async () => {
      running = await startServiceOnStallablePostgres(SECRET, TIMEOUTS);
    });
    afterAll(() => running?.stop());

    it('answers every request within the timeouts, readiness 503, and loses or doubles nothing when it returns', async () => {
      const { service } = running;
      const load = commandLoad(service);
      await load.answered(CLIENTS * 5);
      const resume = await running.stall();
      try {
        const ready = await fetch(`${service.url}/api/health/ready`, { signal: AbortSignal.timeout(ANSWER_BOUND_MS) });
        expect(ready.status).toBe(503);
        expect(await ready.json()).toMatchObject({ status: 503 });
        // Long enough for every client to meet the timeouts at least once.
        await new Promise((resolve) => setTimeout(resolve, 2 * (CONNECT_TIMEOUT_MS + QUERY_TIMEOUT_MS)));
      } finally {
        resume();
      }
      await load.done;
      expect(load.answers.filter((answer) => answer.status === 503).length).toBeGreaterThan(0);
      await expectEverythingSettles(service, load.answers, running.databaseUrl);
    }, TEST_TIMEOUT_MS);
  });
});

/** Whether the service still runs, and the end of what it wrote: why a request went unanswered. */
function describeProcess(service: RunningService): string {
  const { exitCode, signalCode } = service.process;
  const state = exitCode === null && signalCode === null ? 'still runs' : `exited (${exitCode ?? signalCode})`;
  return `${state}; it last wrote:\n${service.output().slice(-4000)}`;
}

/** How many backends connected to the URL's database were terminated. */
async function terminateBackendsOf(databaseUrl: string): Promise<number> {
  const url = new URL(databaseUrl);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    const result = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
    return result.rowCount ?? 0;
  } finally {
    await admin.end();
  }
}

async function waitFor(check: () => Promise<boolean>, attempts = 300): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the condition never held');
}
