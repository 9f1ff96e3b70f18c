import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { bearer, startTestApp, type TestApp } from '../support/test-app.ts';

describe('retention over HTTP', () => {
  let harness: TestApp;
  let supervisor: string;
  let caseManager: string;
  let admin: string;
  let auditor: string;

  beforeAll(async () => {
    harness = await startTestApp();
    supervisor = await bearer(['supervisor'], 'sup-hold');
    caseManager = await bearer(['case_manager']);
    admin = await bearer(['admin'], 'root');
    auditor = await bearer(['auditor']);
  });
  afterAll(() => harness.close());

  const request = (method: 'GET' | 'POST', url: string, authorization: string, payload?: object) => harness.request({ method, url, payload, headers: { authorization } });
  const referral = { source: 'police', crimeReference: '41/9/26', crimeType: 'burglary', victim: { name: 'Hal Held' }, consent: { contact: true, dataSharing: true, basis: 'implied' } };

  it('lets a supervisor place and lift a legal hold on a case, with a reason, and no one else, and lists the cases held', async () => {
    const created = (await request('POST', '/api/referrals', caseManager, referral)).json();
    const hold = `/api/cases/${created.id}/legal-hold`;
    expect((await request('POST', hold, caseManager, { reason: 'litigation' })).statusCode).toBe(403);
    expect((await request('POST', hold, supervisor, { reason: 'because' })).json()).toMatchObject({ status: 400, errors: [{ field: 'reason' }] });
    expect((await request('POST', `/api/cases/${randomUUID()}/legal-hold`, supervisor, { reason: 'litigation' })).statusCode).toBe(404);
    expect((await request('POST', `${hold}/lift`, supervisor, { reason: 'obligation-ended' })).json()).toMatchObject({ status: 409, rule: 'not-held' });
    expect((await request('POST', hold, supervisor, { reason: 'litigation' })).statusCode).toBe(200);
    expect((await request('POST', hold, supervisor, { reason: 'public-inquiry' })).json()).toMatchObject({ status: 409, rule: 'already-held' });
    const heldNow = async (authorization = admin) => (await request('GET', '/api/admin/legal-holds', authorization)).json().items.filter((item: { caseId: string }) => item.caseId === created.id);
    expect(await heldNow(auditor)).toEqual([{ caseId: created.id, status: 'held', reason: 'litigation', by: 'sup-hold', since: expect.any(String) }]);
    expect((await request('GET', '/api/admin/legal-holds', caseManager)).statusCode).toBe(403);
    expect((await request('POST', `${hold}/lift`, supervisor, { reason: 'obligation-ended' })).statusCode).toBe(200);
    expect(await heldNow()).toEqual([]);
  });

  it('lists the closed cases due for disposal on a London day, under their rule, leaving out held ones', async () => {
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    expect((await request('POST', '/api/admin/settings/retention-periods', admin, { caseKind: 'referral', closureReason: 'duplicate', months: 1 })).statusCode).toBe(200);
    const closeLongAgo = async () => {
      const created = (await request('POST', '/api/referrals', caseManager, { ...referral, receivedAt: daysAgo(400) })).json();
      expect((await request('POST', `/api/referrals/${created.id}/close`, caseManager, { reason: 'duplicate', at: daysAgo(380) })).statusCode).toBe(200);
      return created.id as string;
    };
    const [due, held] = [await closeLongAgo(), await closeLongAgo()];
    const placed = (await request('POST', `/api/cases/${held}/legal-hold`, supervisor, { reason: 'litigation' })).json();
    const today = new Date().toISOString().slice(0, 10);
    const review = async (asOf: string, authorization = admin) => {
      const response = await harness.request({ method: 'GET', url: `/api/admin/disposals/due?asOf=${asOf}`, headers: { authorization, 'x-min-position': placed.position } });
      return response.json().items.map((item: { caseId: string }) => item.caseId);
    };
    const listed = (await harness.request({ method: 'GET', url: `/api/admin/disposals/due?asOf=${today}`, headers: { authorization: auditor, 'x-min-position': placed.position } })).json();
    expect(listed.items.find((item: { caseId: string }) => item.caseId === due)).toMatchObject({ caseKind: 'referral', closureReason: 'duplicate', rule: { months: 1 } });
    expect(await review(today)).not.toContain(held);
    expect(await review(daysAgo(370).slice(0, 10))).not.toContain(due);
    expect((await request('GET', `/api/admin/disposals/due?asOf=${today}`, caseManager)).statusCode).toBe(403);
    expect((await request('GET', '/api/admin/disposals/due?asOf=2026-02-30', admin)).json()).toMatchObject({ status: 400, errors: [{ field: 'asOf' }] });
  });
});
