import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { bearer, startTestApp, type TestApp } from '../support/test-app.ts';

describe('retention over HTTP', () => {
  let harness: TestApp;
  let supervisor: string;
  let caseManager: string;

  beforeAll(async () => {
    harness = await startTestApp();
    supervisor = await bearer(['supervisor'], 'sup-hold');
    caseManager = await bearer(['case_manager']);
  });
  afterAll(() => harness.close());

  const request = (method: 'GET' | 'POST', url: string, authorization: string, payload?: object) => harness.request({ method, url, payload, headers: { authorization } });
  const referral = { source: 'police', crimeReference: '41/9/26', crimeType: 'burglary', victim: { name: 'Hal Held' }, consent: { contact: true, dataSharing: true, basis: 'implied' } };

  it('lets a supervisor place and lift a legal hold on a case, with a reason, and no one else', async () => {
    const created = (await request('POST', '/api/referrals', caseManager, referral)).json();
    const hold = `/api/cases/${created.id}/legal-hold`;
    expect((await request('POST', hold, caseManager, { reason: 'litigation' })).statusCode).toBe(403);
    expect((await request('POST', hold, supervisor, { reason: 'because' })).json()).toMatchObject({ status: 400, errors: [{ field: 'reason' }] });
    expect((await request('POST', `/api/cases/${randomUUID()}/legal-hold`, supervisor, { reason: 'litigation' })).statusCode).toBe(404);
    expect((await request('POST', `${hold}/lift`, supervisor, { reason: 'obligation-ended' })).json()).toMatchObject({ status: 409, rule: 'not-held' });
    expect((await request('POST', hold, supervisor, { reason: 'litigation' })).statusCode).toBe(200);
    expect((await request('POST', hold, supervisor, { reason: 'public-inquiry' })).json()).toMatchObject({ status: 409, rule: 'already-held' });
    expect((await request('POST', `${hold}/lift`, supervisor, { reason: 'obligation-ended' })).statusCode).toBe(200);
  });
});
