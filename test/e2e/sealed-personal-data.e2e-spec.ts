import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { STORED_EVENT_STORE, type EventStore, type JsonObject } from '../../src/event-store/event-store.port.ts';
import { wrapKey } from '../../src/personal-data/field-cipher.ts';
import { LEGACY_SEALED } from '../support/legacy-sealed-values.ts';
import { bearer, startTestApp, type TestApp, type TestResponse } from '../support/test-app.ts';

const MASTER_KEY = Buffer.alloc(32, 21);

describe('sealed personal data over HTTP', () => {
  let harness: TestApp;
  let caseManager: string;
  let supervisor: string;
  let auditor: string;

  beforeAll(async () => {
    // Reads wait for the read models to pass this test's writes, however busy the shared database server is.
    harness = await startTestApp({ MASTER_KEY: MASTER_KEY.toString('base64'), MIN_POSITION_WAIT_MS: '30000' });
    caseManager = await bearer(['case_manager'], 'cm-ann');
    supervisor = await bearer(['supervisor'], 'sup-sam');
    auditor = await bearer(['auditor'], 'aud-ada');
  });
  afterAll(() => harness.close());

  let lastPosition = '0';
  const request = async (method: 'GET' | 'POST', url: string, authorization: string, payload?: object, headers: Record<string, string> = {}) => {
    const response = await harness.request({ method, url, payload, headers: { authorization, 'x-min-position': lastPosition, ...headers } });
    if (method === 'POST' && response.statusCode < 300) lastPosition = response.json().position ?? lastPosition;
    return response;
  };
  const ok = (response: TestResponse, status = 200) => {
    expect({ status: response.statusCode, body: response.json() }).toMatchObject({ status });
    return response.json();
  };

  /**
   * Issue 21: text typed in the shape of the old sealed values (`pd1:<subject id>:…`, the subject id being on
   * every case page) was opened as ciphertext when read, and every later command, the audit history and
   * the referral list failed on it. It is the user's text, and reads back as such.
   */
  it('takes text typed like a sealed value for that text, breaking no command, audit read or list', async () => {
    const { id } = ok(await request('POST', '/api/referrals', caseManager, { source: 'self', crimeType: 'burglary', victim: { name: 'Lena Lookalike' }, consent: { contact: true, dataSharing: false, basis: 'explicit' } }), 201);
    const { victim } = ok(await request('GET', `/api/referrals/${id}`, caseManager));
    const lookalike = `pd1:${victim.subjectId}:AAAA`;

    ok(await request('POST', `/api/referrals/${id}/assess`, caseManager, { needs: ['emotional'], riskLevel: 'standard', priorityGroups: ['persistently-targeted'], overrideReason: lookalike }));
    ok(await request('POST', `/api/referrals/${id}/accept-support`, caseManager, {}));
    ok(await request('POST', `/api/referrals/${id}/contacts`, caseManager, { outcome: 'made', channel: 'phone', at: new Date().toISOString(), note: lookalike }));
    ok(await request('POST', `/api/referrals/${id}/close`, supervisor, { reason: 'support-completed' }));
    ok(await request('POST', `/api/referrals/${id}/reopen`, supervisor, { reason: lookalike }));
    ok(await request('POST', `/api/referrals/${id}/close`, supervisor, { reason: 'support-completed' }));

    // A purpose is chosen from the configured list: typed text is refused, whatever it looks like.
    expect((await request('GET', `/api/referrals/${id}`, caseManager, undefined, { 'x-purpose': lookalike })).statusCode).toBe(400);
    const read = await request('GET', `/api/referrals/${id}`, caseManager, undefined, { 'x-purpose': 'safeguarding' });
    expect(ok(read)).toMatchObject({ id, status: 'closed', victim: { name: 'Lena Lookalike' } });
    const listed = ok(await request('GET', '/api/referrals?q=Lookalike', caseManager));
    expect(listed.items).toEqual([expect.objectContaining({ id, status: 'closed' })]);

    const history = ok(await request('GET', `/api/audit/cases/${id}/events`, auditor));
    const dataOf = (type: string) => history.items.find((item: { type: string }) => item.type === type).data;
    expect(dataOf('NeedsAssessed')).toMatchObject({ overrideReason: lookalike });
    expect(dataOf('ContactMade')).toMatchObject({ note: lookalike });
    expect(dataOf('CaseReopened')).toMatchObject({ reason: lookalike });
    ok(await request('GET', `/api/audit/cases/${id}/state?revision=1`, auditor));
    expect(ok(await request('GET', `/api/audit/verify?case=${id}`, auditor))).toMatchObject({ ok: true });
    // The access log records reads after answering them: wait until its projection has the case manager's.
    const purposes = async () => ok(await request('GET', `/api/audit/access-log?case=${id}`, auditor)).items.map((entry: { purpose: string }) => entry.purpose);
    const deadline = Date.now() + 10_000;
    let logged = await purposes();
    while (!logged.includes('safeguarding') && Date.now() < deadline) logged = await new Promise((resolve) => setTimeout(resolve, 50)).then(purposes);
    expect(logged).toContain('safeguarding');
    expect(ok(await request('GET', '/api/health', caseManager))).toMatchObject({ status: 'ok' });
  });

  it('opens the pd1 strings a store written before envelopes holds, for case workers, lists and auditors', async () => {
    const { id: template } = ok(await request('POST', '/api/referrals', caseManager, { source: 'self', crimeType: 'burglary', victim: { name: 'Tess Template' }, consent: { contact: true, dataSharing: false, basis: 'explicit' } }), 201);
    const stored = harness.app.get<symbol, EventStore>(STORED_EVENT_STORE);
    const [received] = await stored.readStream(`referral-${template}`);
    await harness.sql('INSERT INTO data_subject_keys (subject_id, wrapped_key) VALUES ($1, $2)', [LEGACY_SEALED.subjectId, wrapKey(LEGACY_SEALED.key, MASTER_KEY)]);
    const id = randomUUID();
    const victim = { ...(received!.data.victim as JsonObject), subjectId: LEGACY_SEALED.subjectId, name: LEGACY_SEALED.name };
    const { position } = await stored.append(`referral-${id}`, [{ ...received!, id: randomUUID(), data: { ...received!.data, referralId: id, victim } }], 'no_stream');
    lastPosition = position.toString();

    expect(ok(await request('GET', `/api/referrals/${id}`, caseManager))).toMatchObject({ id, victim: { name: 'Ann Example', subjectId: LEGACY_SEALED.subjectId } });
    expect(ok(await request('GET', '/api/referrals?q=Ann%20Example', caseManager)).items).toEqual([expect.objectContaining({ id })]);
    const history = ok(await request('GET', `/api/audit/cases/${id}/events`, auditor));
    expect(history.items[0].data.victim).toMatchObject({ name: 'Ann Example' });
  });
});
