import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { bearer, knownUser, startTestApp, type TestApp } from '../support/test-app.ts';

const referral = () => ({
  source: 'self',
  crimeType: 'burglary',
  victim: { name: 'Ann Example', phone: '07700 900123' },
  consent: { contact: true, dataSharing: false, basis: 'explicit' },
});

/**
 * A crash between a command's commit and the recording of its response leaves the key claimed with no
 * response; once the claim is abandoned, a retry runs the command again and must answer as the first run did.
 */
describe('Idempotency-Key after a crash (real app, real PostgreSQL)', () => {
  let harness: TestApp;
  let caseManager: string;

  beforeAll(async () => {
    harness = await startTestApp();
    // Assigning a case to a colleague is a supervisor's act, and only to someone the service knows.
    caseManager = await bearer(['case_manager', 'supervisor']);
    for (const colleague of ['bob', 'carol']) await knownUser(harness, colleague);
  });
  afterAll(() => harness.close());

  const post = (url: string, payload: object, key: string, extra: Record<string, string> = {}) =>
    harness.request({ method: 'POST', url, payload, headers: { authorization: caseManager, 'idempotency-key': key, ...extra } });
  /** As a crash leaves it: the claim stays without a response, older than the abandonment limit. */
  const crashAfterCommit = (key: string) =>
    harness.sql(`UPDATE idempotency_keys SET status = NULL, headers = NULL, body = NULL, claimed_at = now() - interval '1 hour' WHERE key = $1`, [key]);
  const eventCount = async (id: string) =>
    (await harness.sql<{ count: number }>('SELECT count(*)::int AS count FROM events WHERE stream = $1', [`referral-${id}`]))[0]!.count;

  it('answers a retried state change that was applied with its first answer, not a rule violation', async () => {
    const created = await post('/api/referrals', referral(), randomUUID());
    const id = created.json().id as string;
    const key = randomUUID();
    const first = await post(`/api/referrals/${id}/accept-support`, {}, key);
    expect(first.statusCode).toBe(200);
    await crashAfterCommit(key);

    const retried = await post(`/api/referrals/${id}/accept-support`, {}, key);
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toEqual(first.json());
    expect(retried.headers.etag).toBe(first.headers.etag);
    expect(await eventCount(id)).toBe(2);
  });

  it('answers a retried state change with its first answer even after later changes and with its stale If-Match', async () => {
    const id = (await post('/api/referrals', referral(), randomUUID())).json().id as string;
    const key = randomUUID();
    const first = await post(`/api/referrals/${id}/assign`, { caseManager: 'bob' }, key, { 'if-match': '"0"' });
    expect(first.statusCode).toBe(200);
    expect((await post(`/api/referrals/${id}/assign`, { caseManager: 'carol' }, randomUUID())).statusCode).toBe(200);
    await crashAfterCommit(key);

    const retried = await post(`/api/referrals/${id}/assign`, { caseManager: 'bob' }, key, { 'if-match': '"0"' });
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toEqual(first.json());
    expect(await eventCount(id)).toBe(3);
  });

  it('answers a retried creation with its first answer', async () => {
    const key = randomUUID();
    const first = await post('/api/referrals', referral(), key);
    expect(first.statusCode).toBe(201);
    await crashAfterCommit(key);

    const retried = await post('/api/referrals', referral(), key);
    expect(retried.statusCode).toBe(201);
    expect(retried.json()).toEqual(first.json());
    expect(retried.headers.location).toBe(first.headers.location);
    expect(await eventCount(first.json().id)).toBe(1);
  });

  it('frees at once a key whose request in this process ended without recording its answer (the database stalled under it)', async () => {
    const id = (await post('/api/referrals', referral(), randomUUID())).json().id as string;
    const key = randomUUID();
    const first = await post(`/api/referrals/${id}/accept-support`, {}, key);
    // As a release that could not reach the database leaves it: claimed just now by this process, no response.
    await harness.sql('UPDATE idempotency_keys SET status = NULL, headers = NULL, body = NULL WHERE key = $1', [key]);

    const retried = await post(`/api/referrals/${id}/accept-support`, {}, key);
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toEqual(first.json());
    expect(await eventCount(id)).toBe(2);
  });

  it('tells a client whose first request is still in progress when to retry', async () => {
    const id = (await post('/api/referrals', referral(), randomUUID())).json().id as string;
    const key = randomUUID();
    const first = await post(`/api/referrals/${id}/accept-support`, {}, key);
    // As a request still running in another process holds it: claimed just now, no response yet.
    await harness.sql('UPDATE idempotency_keys SET status = NULL, headers = NULL, body = NULL, claimed_by = gen_random_uuid() WHERE key = $1', [key]);

    const meanwhile = await post(`/api/referrals/${id}/accept-support`, {}, key);
    expect(meanwhile.statusCode).toBe(409);
    expect(meanwhile.json()).toMatchObject({ type: '/problems/idempotency-request-in-progress' });
    expect(meanwhile.headers['retry-after']).toMatch(/^[1-9]\d*$/);
    expect(first.statusCode).toBe(200);
  });
});
