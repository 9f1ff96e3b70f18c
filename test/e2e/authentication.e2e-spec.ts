import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SignJWT } from 'jose';
import { request } from 'node:http';
import { bearer, knownUser, startTestApp, type TestApp } from '../support/test-app.ts';

/** The secret test-app.ts configures: these tests sign tokens with claims mintToken would never write. */
const SECRET = 'end-to-end-tests-secret-of-at-least-32-chars';
const referral = { source: 'self', crimeType: 'theft', victim: { name: 'Ann Example' }, consent: { contact: true, dataSharing: false, basis: 'explicit' } };
const nowSeconds = () => Math.floor(Date.now() / 1000);

async function signed(claims: Record<string, unknown>): Promise<string> {
  const token = await new SignJWT({ sub: 'alice', roles: ['case_manager'], iat: nowSeconds(), exp: nowSeconds() + 600, ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode(SECRET));
  return `Bearer ${token}`;
}

const metricValue = (text: string, name: string, labels: string) => Number(new RegExp(`^${name}\\{${labels}\\} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);

describe('authentication', () => {
  const output: string[] = [];
  let harness: TestApp;
  let admin: string;

  beforeAll(async () => {
    harness = await startTestApp({ LOG_LEVEL: 'warn', AUTH_FAILURE_LIMIT: '1000' }, { logDestination: { write: (chunk: string) => void output.push(chunk) } });
    admin = await bearer(['admin'], 'ops-auth');
  });
  afterAll(() => harness.close());

  const createReferral = (authorization: string) => harness.request({ method: 'POST', url: '/api/referrals', payload: referral, headers: { authorization } });
  const eventCount = async () => (await harness.sql<{ count: number }>('SELECT count(*)::int AS count FROM events'))[0]!.count;
  const metrics = async () => (await harness.request({ method: 'GET', url: '/api/metrics', headers: { authorization: admin } })).body;

  it('answers 401 problem+json with the RFC 6750 challenge: no error code without a token, invalid_token with a bad one', async () => {
    const anonymous = await createReferral('');
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(anonymous.headers['www-authenticate']).toBe('Bearer realm="casework"');
    const forged = await createReferral('Bearer not.a.token');
    expect(forged.statusCode).toBe(401);
    expect(forged.json()).toMatchObject({ type: '/problems/unauthenticated', status: 401, detail: 'The bearer token is not valid' });
    expect(forged.headers['www-authenticate']).toBe('Bearer realm="casework", error="invalid_token", error_description="The bearer token is not valid"');
  });

  it('refuses a token whose sub is not a non-empty string, and writes nothing into the history', async () => {
    const before = await eventCount();
    for (const sub of [42, { id: 'alice' }, ['alice'], true, '', '   ', 'alice\nadmin', 'a'.repeat(201)]) {
      const response = await createReferral(await signed({ sub }));
      expect({ sub, status: response.statusCode }).toEqual({ sub, status: 401 });
      expect(response.headers['www-authenticate']).toContain('error="invalid_token"');
    }
    expect(await eventCount()).toBe(before);
  });

  it('refuses roles that are not a list of known roles', async () => {
    for (const roles of ['case_manager', ['case_manager', 'wizard'], [], undefined]) {
      expect((await createReferral(await signed({ roles }))).statusCode).toBe(401);
    }
  });

  it('refuses a token that lives longer than AUTH_MAX_TOKEN_AGE, one issued in the future and one without an issue time', async () => {
    const hundredYears = await signed({ exp: nowSeconds() + 100 * 365 * 86_400 });
    expect((await createReferral(hundredYears)).json()).toMatchObject({ status: 401, detail: 'The bearer token lives longer than this service accepts' });
    expect((await createReferral(await signed({ iat: nowSeconds() + 3600, exp: nowSeconds() + 7200 }))).statusCode).toBe(401);
    expect((await createReferral(await signed({ iat: undefined }))).statusCode).toBe(401);
    // Within the documented clock skew of a minute, an issuer's clock may run ahead of ours.
    expect((await createReferral(await signed({ iat: nowSeconds() + 30 }))).statusCode).toBe(201);
  });

  it('counts failed authentications by reason and logs each at warn with the client address, never the token', async () => {
    const before = await metrics();
    const token = await signed({ sub: 42 });
    await createReferral(token);
    await createReferral('');
    const after = await metrics();
    expect(metricValue(after, 'casework_auth_failures_total', 'reason="invalid-claims"')).toBe(metricValue(before, 'casework_auth_failures_total', 'reason="invalid-claims"') + 1);
    expect(metricValue(after, 'casework_auth_failures_total', 'reason="missing-token"')).toBe(metricValue(before, 'casework_auth_failures_total', 'reason="missing-token"') + 1);

    const lines = output.join('').split('\n').filter(Boolean).map((line) => JSON.parse(line));
    const failures = lines.filter((line) => line.msg === 'authentication failed');
    expect(failures).toContainEqual(expect.objectContaining({ level: 40, reason: 'invalid-claims', clientAddress: '127.0.0.1' }));
    expect(failures).toContainEqual(expect.objectContaining({ level: 40, reason: 'missing-token', clientAddress: '127.0.0.1' }));
    const [, , signature] = token.split('.');
    expect(output.join('')).not.toContain(signature);
  });

  describe('caseManager is a known user', () => {
    let supervisor: string;
    let referralId: string;

    beforeAll(async () => {
      supervisor = await bearer(['supervisor'], 'sup-assign');
      referralId = (await createReferral(supervisor)).json().id;
    });

    const assign = (caseManager: string) =>
      harness.request({ method: 'POST', url: `/api/referrals/${referralId}/assign`, payload: { caseManager }, headers: { authorization: supervisor } });

    it('refuses someone the service has never seen with a 400 naming the field, and appends nothing', async () => {
      const response = await assign('never-signed-in');
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ type: '/problems/validation', errors: [{ field: 'caseManager' }] });
      expect(await harness.sql('SELECT 1 FROM events WHERE stream = $1 AND type = $2', [`referral-${referralId}`, 'CaseManagerAssigned'])).toHaveLength(0);
    });

    it('refuses a known user whose latest token holds neither the case_manager nor the supervisor role', async () => {
      const officer = await bearer(['crt_officer'], 'crt-assign');
      expect((await harness.request({ method: 'GET', url: '/api/complaints', headers: { authorization: officer } })).statusCode).toBe(200);
      expect((await assign('crt-assign')).statusCode).toBe(400);
    });

    it('accepts a case manager once they have made a request, and a supervisor', async () => {
      await knownUser(harness, 'cm-assign');
      expect((await assign('cm-assign')).statusCode).toBe(200);
      expect((await assign('sup-assign')).statusCode).toBe(200);
    });

    it('takes a role away when the user’s next token no longer holds it', async () => {
      await knownUser(harness, 'cm-moved');
      const moved = await bearer(['auditor'], 'cm-moved');
      expect((await harness.request({ method: 'GET', url: `/api/audit/cases/${referralId}/events`, headers: { authorization: moved } })).statusCode).toBe(200);
      expect((await assign('cm-moved')).statusCode).toBe(400);
    });
  });
});

describe('slowing repeated failed authentication', () => {
  let harness: TestApp;
  let caseManager: string;

  beforeAll(async () => {
    harness = await startTestApp({ AUTH_FAILURE_LIMIT: '3', AUTH_FAILURE_WINDOW_MS: '60000', AUTH_FAILURE_BLOCK_MS: '120000' });
    caseManager = await bearer(['case_manager'], 'cm-throttle');
  });
  afterAll(() => harness.close());

  const from = (localAddress: string, authorization: string, headers: Record<string, string> = {}) =>
    requestFrom(harness, localAddress, { authorization, ...headers });

  it('answers 429 with Retry-After to an address once it has failed AUTH_FAILURE_LIMIT times, whatever it sends; other addresses are served', async () => {
    const attacker = '127.0.0.7';
    for (let attempt = 0; attempt < 3; attempt++) expect((await from(attacker, 'Bearer not.a.token')).statusCode).toBe(401);
    const refused = await from(attacker, caseManager);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.json()).toMatchObject({ status: 429, type: '/problems/too-many-requests' });
    expect(refused.headers['retry-after']).toMatch(/^[1-9]\d*$/);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(120);
    expect((await from('127.0.0.8', caseManager)).statusCode).toBe(200);
  });

  it('takes no notice of X-Forwarded-For from a proxy it was not told to trust', async () => {
    const attacker = '127.0.0.10';
    const forwardedAs = (client: string) => ({ 'x-forwarded-for': client });
    for (let attempt = 0; attempt < 3; attempt++) expect((await from(attacker, 'Bearer not.a.token', forwardedAs(`198.51.100.${attempt}`))).statusCode).toBe(401);
    expect((await from(attacker, caseManager, forwardedAs('198.51.100.99'))).statusCode).toBe(429);
  });

  it('does not slow requests that send no token at all', async () => {
    const forgetful = '127.0.0.9';
    for (let attempt = 0; attempt < 5; attempt++) expect((await from(forgetful, '')).statusCode).toBe(401);
    expect((await from(forgetful, caseManager)).statusCode).toBe(200);
  });
});

describe('slowing repeated failed authentication behind a trusted proxy', () => {
  let harness: TestApp;
  let caseManager: string;

  beforeAll(async () => {
    harness = await startTestApp({ AUTH_FAILURE_LIMIT: '3', TRUST_PROXY: '127.0.0.0/8' });
    caseManager = await bearer(['case_manager'], 'cm-behind-proxy');
  });
  afterAll(() => harness.close());

  /** Every request comes through the one proxy; X-Forwarded-For names the client. */
  const through = (client: string, authorization: string) => requestFrom(harness, '127.0.0.1', { authorization, 'x-forwarded-for': client });

  it('counts failures per client named by the proxy, so one client behind it does not lock out the others', async () => {
    for (let attempt = 0; attempt < 3; attempt++) expect((await through('203.0.113.7', 'Bearer not.a.token')).statusCode).toBe(401);
    expect((await through('203.0.113.7', caseManager)).statusCode).toBe(429);
    expect((await through('203.0.113.8', caseManager)).statusCode).toBe(200);
  });
});

/** A request from a loopback address of the test's choosing (all of 127.0.0.0/8 reaches the app): another client, as the server sees it. */
async function requestFrom(harness: TestApp, localAddress: string, headers: Record<string, string>) {
  const url = new URL('/api/referrals?limit=1', await harness.app.getUrl());
  return new Promise<{ statusCode: number; headers: Record<string, unknown>; json(): unknown }>((resolve, reject) => {
    const sent = request(url, { localAddress, headers }, (response) => {
      let body = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ statusCode: response.statusCode!, headers: response.headers, json: () => JSON.parse(body) }));
    });
    sent.on('error', reject).end();
  });
}
