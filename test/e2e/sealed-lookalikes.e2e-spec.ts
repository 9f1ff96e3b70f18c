import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, startTestApp, type TestApp, type TestResponse } from '../support/test-app.ts';

/**
 * Issue 21: text typed in the shape of the old sealed values (`pd1:<subject id>:…`, the subject id being on
 * every case page) was opened as ciphertext when read, and every later command, the audit history and
 * the referral list failed on it. It is the user's text, and reads back as such.
 */
describe('text that looks like sealed personal data', () => {
  let harness: TestApp;
  let caseManager: string;
  let supervisor: string;
  let auditor: string;

  beforeAll(async () => {
    harness = await startTestApp();
    caseManager = await bearer(['case_manager'], 'cm-ann');
    supervisor = await bearer(['supervisor'], 'sup-sam');
    auditor = await bearer(['auditor'], 'aud-ada');
  });
  afterAll(() => harness.close());

  let lastPosition = '0';
  const request = async (method: 'GET' | 'POST', url: string, authorization: string, payload?: object) => {
    const response = await harness.request({ method, url, payload, headers: { authorization, 'x-min-position': lastPosition } });
    if (method === 'POST' && response.statusCode < 300) lastPosition = response.json().position ?? lastPosition;
    return response;
  };
  const ok = (response: TestResponse, status = 200) => {
    expect({ status: response.statusCode, body: response.json() }).toMatchObject({ status });
    return response.json();
  };

  it('is stored and read back as typed, breaking no command, audit read or list', async () => {
    const { id } = ok(await request('POST', '/api/referrals', caseManager, { source: 'self', crimeType: 'burglary', victim: { name: 'Lena Lookalike' }, consent: { contact: true, dataSharing: false, basis: 'explicit' } }), 201);
    const { victim } = ok(await request('GET', `/api/referrals/${id}`, caseManager));
    const lookalike = `pd1:${victim.subjectId}:AAAA`;

    ok(await request('POST', `/api/referrals/${id}/assess`, caseManager, { needs: ['emotional'], riskLevel: 'standard', priorityGroups: ['persistently-targeted'], overrideReason: lookalike }));
    ok(await request('POST', `/api/referrals/${id}/accept-support`, caseManager, {}));
    ok(await request('POST', `/api/referrals/${id}/contacts`, caseManager, { outcome: 'made', channel: 'phone', at: new Date().toISOString(), note: lookalike }));
    ok(await request('POST', `/api/referrals/${id}/close`, supervisor, { reason: 'support-completed' }));
    ok(await request('POST', `/api/referrals/${id}/reopen`, supervisor, { reason: lookalike }));
    ok(await request('POST', `/api/referrals/${id}/close`, supervisor, { reason: 'support-completed' }));

    expect(ok(await request('GET', `/api/referrals/${id}`, caseManager))).toMatchObject({ id, status: 'closed', victim: { name: 'Lena Lookalike' } });
    const listed = ok(await request('GET', '/api/referrals?q=Lookalike', caseManager));
    expect(listed.items).toEqual([expect.objectContaining({ id, status: 'closed' })]);

    const history = ok(await request('GET', `/api/audit/cases/${id}/events`, auditor));
    const dataOf = (type: string) => history.items.find((item: { type: string }) => item.type === type).data;
    expect(dataOf('NeedsAssessed')).toMatchObject({ overrideReason: lookalike });
    expect(dataOf('ContactMade')).toMatchObject({ note: lookalike });
    expect(dataOf('CaseReopened')).toMatchObject({ reason: lookalike });
    ok(await request('GET', `/api/audit/cases/${id}/state?revision=1`, auditor));
    expect(ok(await request('GET', `/api/audit/verify?case=${id}`, auditor))).toMatchObject({ ok: true });
    expect(ok(await request('GET', '/api/health', caseManager))).toMatchObject({ status: 'ok' });
  });
});
