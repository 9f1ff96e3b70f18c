import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, startTestApp, type TestApp } from '../support/test-app.ts';

const referral = () => ({
  source: 'self',
  crimeType: 'burglary',
  victim: { name: 'Ann Example' },
  consent: { contact: true, dataSharing: false, basis: 'explicit' },
});

describe('hardening headers (real app, real PostgreSQL)', () => {
  let harness: TestApp;
  let caseManager: string;

  beforeAll(async () => {
    harness = await startTestApp();
    caseManager = await bearer(['case_manager']);
  });
  afterAll(() => harness.close());

  const hardened = (headers: Record<string, string>) => {
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  };

  it('keeps responses carrying personal data out of every cache, and hardens them', async () => {
    const created = await harness.request({ method: 'POST', url: '/api/referrals', payload: referral(), headers: { authorization: caseManager } });
    expect(created.statusCode).toBe(201);
    const read = await harness.request({ method: 'GET', url: created.headers.location!, headers: { authorization: caseManager, 'x-min-position': created.json().position } });
    expect(read.statusCode).toBe(200);
    for (const response of [created, read]) {
      expect(response.headers['cache-control']).toBe('no-store');
      hardened(response.headers);
    }
  });

  it('hardens errors and unauthenticated routes alike', async () => {
    const refused = await harness.request({ method: 'GET', url: '/api/referrals' });
    expect(refused.statusCode).toBe(401);
    hardened(refused.headers);
    expect(refused.headers['cache-control']).toBe('no-store');
    hardened((await harness.request({ method: 'GET', url: '/api/health/live' })).headers);
  });

  it('sends no Strict-Transport-Security over plain HTTP unless configured', async () => {
    const response = await harness.request({ method: 'GET', url: '/api/health/live' });
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('grants no CORS to a foreign Origin', async () => {
    const preflight = await harness.request({
      method: 'OPTIONS',
      url: '/api/referrals',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const read = await harness.request({ method: 'GET', url: '/api/referrals', headers: { authorization: caseManager, origin: 'https://evil.example' } });
    expect(read.statusCode).toBe(200);
    expect(read.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('hardening headers behind TLS', () => {
  let harness: TestApp;

  beforeAll(async () => {
    harness = await startTestApp({ HSTS_MAX_AGE: '31536000' });
  });
  afterAll(() => harness.close());

  it('sends Strict-Transport-Security when HSTS_MAX_AGE is set', async () => {
    const response = await harness.request({ method: 'GET', url: '/api/health/live' });
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(response.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });
});
