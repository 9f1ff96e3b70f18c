import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, londonDate } from '../../src/calendar/working-days.ts';
import { bearer, startTestApp, type TestApp } from '../support/test-app.ts';
import { fieldsOf } from '../support/following-requests.ts';

describe('times are unambiguous: an offset on every time, whole London days for date-only bounds', () => {
  let harness: TestApp;
  let caseManager: string;
  let officer: string;
  let auditor: string;

  beforeAll(async () => {
    harness = await startTestApp();
    caseManager = await bearer(['case_manager'], 'cm-times');
    officer = await bearer(['crt_officer'], 'crt-times');
    auditor = await bearer(['auditor'], 'aud-times');
  });
  afterAll(() => harness.close());

  const request = (method: 'GET' | 'POST', url: string, authorization: string, payload?: object) => harness.request({ method, url, payload, headers: { authorization } });
  const newReferral = async () => {
    const body = { source: 'self', crimeType: 'burglary', victim: { name: 'Tess Timely' }, consent: { contact: true, dataSharing: true, basis: 'implied' } };
    return (await request('POST', '/api/referrals', caseManager, body)).json<{ id: string; position: string }>();
  };

  it('refuses a time without its offset, and a date where a time is required, naming the field', async () => {
    const { id } = await newReferral();
    for (const at of ['2026-07-01T00:30:00', '2026-07-01']) {
      expect(fieldsOf(await request('POST', `/api/referrals/${id}/contacts`, caseManager, { at, channel: 'phone', outcome: 'made' }))).toEqual({ status: 400, fields: ['at'] });
      expect(fieldsOf(await request('POST', `/api/referrals/${id}/cj-events`, caseManager, { kind: 'arrest', learnedAt: at }))).toEqual({ status: 400, fields: ['learnedAt'] });
      const complaint = { channel: 'email', complainant: { name: 'Tim Offset' }, summary: 'Rude on the phone', subjects: [{ kind: 'force' }], receivedAt: at };
      expect(fieldsOf(await request('POST', '/api/complaints', officer, complaint))).toMatchObject({ status: 400, fields: expect.arrayContaining(['receivedAt']) });
    }
    expect((await request('POST', `/api/referrals/${id}/contacts`, caseManager, { at: new Date().toISOString().replace('Z', '+00:00'), channel: 'phone', outcome: 'made' })).statusCode).toBe(200);
  });

  it('reads date-only access-log bounds as whole days in England, and refuses `to` before `from`', async () => {
    const { id, position } = await newReferral();
    const read = await harness.request({ method: 'GET', url: `/api/referrals/${id}`, headers: { authorization: caseManager, 'x-min-position': position } });
    expect(read.statusCode).toBe(200);
    const today = londonDate(new Date());
    const reads = async (query: string) => {
      const response = await request('GET', `/api/audit/access-log?case=${id}&${query}`, auditor);
      expect(response.statusCode).toBe(200);
      return response.json<{ items: unknown[] }>().items.length;
    };
    // The read is logged as an event and reaches the log's read model shortly after.
    const deadline = Date.now() + 10_000;
    while ((await reads('')) === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await reads(`from=${today}&to=${today}`)).toBe(1);
    expect(await reads(`to=${addDays(today, -1)}`)).toBe(0);
    expect(await reads(`from=${addDays(today, 1)}`)).toBe(0);
    expect(fieldsOf(await request('GET', `/api/audit/access-log?from=${today}&to=${addDays(today, -1)}`, auditor))).toEqual({ status: 400, fields: ['to'] });
    expect(fieldsOf(await request('GET', `/api/audit/access-log?from=${today}T00:30:00`, auditor))).toEqual({ status: 400, fields: ['from'] });
  });

  it('reads a date-only asOf as the end of that day in England', async () => {
    const { id } = await newReferral();
    const today = londonDate(new Date());
    expect(await request('GET', `/api/audit/cases/${id}/state?asOf=${today}`, auditor)).toMatchObject({ statusCode: 200 });
    expect((await request('GET', `/api/audit/cases/${id}/state?asOf=${addDays(today, -1)}`, auditor)).statusCode).toBe(404);
    expect(fieldsOf(await request('GET', `/api/audit/cases/${id}/state?asOf=${today}T12:00:00`, auditor))).toEqual({ status: 400, fields: ['asOf'] });
  });
});
