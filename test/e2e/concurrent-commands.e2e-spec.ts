import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, startTestApp, type TestApp } from '../support/test-app.ts';

const CONCURRENT_COMMANDS = 50;

describe('concurrent commands on one case without If-Match', () => {
  let harness: TestApp;
  let caseManager: string;

  beforeAll(async () => {
    harness = await startTestApp();
    caseManager = await bearer(['case_manager']);
  });
  afterAll(() => harness.close());

  const post = (url: string, payload: object) => harness.request({ method: 'POST', url, payload, headers: { authorization: caseManager } });

  it('all succeed, one after another: revisions 1..50 and every event stored', async () => {
    const created = await post('/api/referrals', {
      source: 'self',
      crimeType: 'burglary',
      victim: { name: 'Ann Example', phone: '07700 900123' },
      consent: { contact: true, dataSharing: false, basis: 'explicit' },
    });
    expect(created.statusCode).toBe(201);
    const { id } = created.json<{ id: string }>();
    const at = new Date(Date.now() - 60_000).toISOString();

    const responses = await Promise.all(
      Array.from({ length: CONCURRENT_COMMANDS }, () => post(`/api/referrals/${id}/contacts`, { outcome: 'made', channel: 'phone', at })),
    );

    expect(responses.map((response) => response.statusCode)).toEqual(responses.map(() => 200));
    const revisions = responses.map((response) => response.json<{ revision: number }>().revision).sort((a, b) => a - b);
    expect(revisions).toEqual(Array.from({ length: CONCURRENT_COMMANDS }, (_, index) => index + 1));
    const stored = await harness.sql<{ revision: number }>('SELECT revision FROM events WHERE stream = $1 ORDER BY revision', [`referral-${id}`]);
    expect(stored.map((row) => Number(row.revision))).toEqual(Array.from({ length: CONCURRENT_COMMANDS + 1 }, (_, index) => index));
  });
});
