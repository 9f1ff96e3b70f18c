import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FakeNotify } from '../../bench/notify-stand-in.ts';
import { bearer, startTestApp, type TestApp } from '../support/test-app.ts';

const CALLBACK_TOKEN = 'notify-callback-token-of-at-least-32-characters';
const CJ_TEMPLATE = '5b8c2f5e-8f4a-4a43-9a3e-0c6f2b1d9e01';
const CONTACT_TEMPLATE = '0d2f9c1a-7b3e-4c55-8e21-6a9b4f3c2d10';

/** Polls until the condition holds: the outbox sends in the background. */
async function eventually<T>(read: () => Promise<T>, holds: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (holds(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('messages to victims through GOV.UK Notify', () => {
  const notify = new FakeNotify();
  let harness: TestApp;
  let caseManager: string;

  beforeAll(async () => {
    const baseUrl = await notify.start();
    harness = await startTestApp({ NOTIFY_API_KEY: notify.apiKey, NOTIFY_BASE_URL: baseUrl, NOTIFY_CALLBACK_TOKEN: CALLBACK_TOKEN, NOTIFY_RETRY_BASE_MS: '20' });
    caseManager = await bearer(['case_manager'], 'cm-messages');
    const admin = await bearer(['admin'], 'admin-messages');
    for (const [id, templateId] of [['cj-update-email', CJ_TEMPLATE], ['contact-sms', CONTACT_TEMPLATE], ['cj-update-sms', CJ_TEMPLATE], ['progress-update-email', CONTACT_TEMPLATE]]) {
      const saved = await post('/api/admin/settings/lists/notifyTemplates/entries', { id, label: id, templateId }, admin);
      expect(saved.statusCode).toBe(200);
    }
  });
  afterAll(async () => {
    await harness.close();
    await notify.close();
  });

  const post = (url: string, payload: object, authorization = caseManager) => harness.request({ method: 'POST', url, payload, headers: { authorization } });
  const page = async (id: string, position?: string) =>
    (await harness.request({ method: 'GET', url: `/api/referrals/${id}`, headers: { authorization: caseManager, ...(position ? { 'x-min-position': position } : {}) } })).json();
  const receipt = (reference: string, status: string, token = CALLBACK_TOKEN) =>
    harness.request({
      method: 'POST',
      url: '/api/notify/receipts',
      payload: { id: crypto.randomUUID(), reference, to: 'ann@example.org', status, created_at: new Date().toISOString(), completed_at: new Date().toISOString(), notification_type: 'email' },
      headers: { authorization: `Bearer ${token}` },
    });

  /** A supported victim with a contact contract: by email unless said otherwise. */
  async function victim(contract: { channel: string; safeTimes?: string } = { channel: 'email' }, consent = true): Promise<string> {
    const body = { source: 'self', crimeType: 'burglary', victim: { name: 'Ann Example', email: 'ann@example.org', phone: '07700 900123' }, consent: { contact: consent, dataSharing: false, basis: 'explicit' } };
    const { id } = (await post('/api/referrals', body)).json<{ id: string }>();
    if (consent) expect((await post(`/api/referrals/${id}/contact-contract`, { frequency: 'weekly', ...contract })).statusCode).toBe(200);
    return id;
  }
  const learn = async (id: string) => (await post(`/api/referrals/${id}/cj-events`, { kind: 'charge', learnedAt: new Date().toISOString() })).json<{ cjEventId: string }>().cjEventId;
  const update = (cjEventId: string, channel = 'email') => ({ kind: 'cj-update', channel, cjEventId, personalisation: { first_name: 'Ann', update: 'A man was charged today' } });
  /** The queuing event's id: Notify's reference. */
  const referenceOf = async (messageId: string) =>
    (await harness.sql<{ event_id: string }>(`SELECT event_id FROM events WHERE type = 'VictimMessageQueued' AND data->>'messageId' = $1`, [messageId]))[0]!.event_id;

  it('sends a criminal-justice update once, with the event id as reference, and closes the clock when Notify reports it delivered', async () => {
    const id = await victim();
    const cjEventId = await learn(id);
    const sent = await post(`/api/referrals/${id}/messages`, update(cjEventId));
    expect(sent.statusCode).toBe(200);
    const reference = await referenceOf(sent.json().messageId);
    const position = sent.json().position;

    const [notification] = await eventually(async () => notify.sentWith(reference), (found) => found.length > 0);
    expect(notification).toMatchObject({ type: 'email', to: 'ann@example.org', templateId: CJ_TEMPLATE, personalisation: { first_name: 'Ann', update: 'A man was charged today' } });
    expect((await page(id, position)).criminalJustice[0].communicated).toBeNull();

    expect((await receipt(reference, 'delivered')).statusCode).toBe(204);
    const told = await eventually(() => page(id, position), (view) => view.criminalJustice[0].communicated !== null);
    expect(told.criminalJustice[0].communicated).toMatchObject({ channel: 'email', onTime: true, workingDaysTaken: 0 });
    expect(told.messages).toEqual([{ id: sent.json().messageId, kind: 'cj-update', cjEventId, channel: 'email', outcome: 'delivered' }]);
    const revision = told.revision;
    expect((await receipt(reference, 'delivered')).statusCode).toBe(204);
    expect((await page(id, position)).revision).toBe(revision);
    expect(notify.sentWith(reference)).toHaveLength(1);
    expect((await post(`/api/referrals/${id}/messages`, update(cjEventId))).json()).toMatchObject({ status: 409, rule: 'victim-already-updated' });
  });

  it('asks Notify for the reference before trying again, so a message taken before an answer was lost is not sent twice', async () => {
    const id = await victim();
    notify.trouble('take-then-drop');
    const sent = await post(`/api/referrals/${id}/messages`, update(await learn(id)));
    const reference = await referenceOf(sent.json().messageId);
    const [dispatch] = await eventually(() => harness.sql(`SELECT state, attempts FROM notify_dispatches WHERE id = $1`, [reference]), (rows) => rows[0]?.state === 'sent');
    expect(dispatch).toEqual({ state: 'sent', attempts: 2 });
    expect(notify.sentWith(reference)).toHaveLength(1);
    expect(notify.requests.filter((request) => request === 'GET /v2/notifications').length).toBeGreaterThan(0);
  });

  it('retries a message Notify could not take, and records one it refused as a failed contact attempt on the case', async () => {
    const retried = await victim();
    notify.trouble({ status: 500 }, { status: 429 });
    const reference = await referenceOf((await post(`/api/referrals/${retried}/messages`, update(await learn(retried)))).json().messageId);
    await eventually(() => harness.sql(`SELECT state FROM notify_dispatches WHERE id = $1`, [reference]), (rows) => rows[0]?.state === 'sent');
    expect(notify.sentWith(reference)).toHaveLength(1);

    const refused = await victim({ channel: 'sms' });
    notify.trouble({ status: 400 });
    const { messageId, position } = (await post(`/api/referrals/${refused}/messages`, { kind: 'contact', channel: 'sms', personalisation: { first_name: 'Ann' } })).json();
    const failed = await eventually(() => page(refused, position), (view) => view.messages[0]?.outcome === 'failed');
    expect(failed.messages).toEqual([{ id: messageId, kind: 'contact', cjEventId: null, channel: 'sms', outcome: 'failed' }]);
    expect(failed.contact).toMatchObject({ consecutiveFailures: 1 });
  });

  it('counts a contact message as a contact made once delivered, and a failed receipt as a failed attempt', async () => {
    const id = await victim({ channel: 'sms' });
    const contact = { kind: 'contact', channel: 'sms', personalisation: { first_name: 'Ann' } };
    const first = await referenceOf((await post(`/api/referrals/${id}/messages`, contact)).json().messageId);
    const queued = (await post(`/api/referrals/${id}/messages`, contact)).json();
    const second = await referenceOf(queued.messageId);
    await eventually(async () => [...notify.sentWith(first), ...notify.sentWith(second)], (found) => found.length === 2);
    expect((await receipt(first, 'delivered')).statusCode).toBe(204);
    expect((await receipt(second, 'permanent-failure')).statusCode).toBe(204);
    const view = await eventually(() => page(id, queued.position), (found) => found.messages.every((message: { outcome: string }) => message.outcome !== 'pending'));
    expect(view.messages.map((message: { outcome: string }) => message.outcome)).toEqual(['delivered', 'failed']);
    expect(view.contact.lastMadeAt).not.toBeNull();
    expect(view.contact.consecutiveFailures).toBe(1);
  });

  it('refuses, naming the rule, a message the contact contract does not allow', async () => {
    const byEmail = await victim();
    const cjEventId = await learn(byEmail);
    const refusal = async (id: string, body: object) => {
      const response = await post(`/api/referrals/${id}/messages`, body);
      return { status: response.statusCode, rule: response.json().rule };
    };
    expect(await refusal(byEmail, update(cjEventId, 'sms'))).toEqual({ status: 409, rule: 'channel-not-agreed' });
    expect(await refusal(await victim({ channel: 'email' }, false), { kind: 'contact', channel: 'email', personalisation: {} })).toEqual({ status: 409, rule: 'no-consent-to-contact' });
    const unsafe = await victim({ channel: 'email', safeTimes: 'Evenings, not when her partner is home' });
    expect(await refusal(unsafe, update(await learn(unsafe)))).toEqual({ status: 409, rule: 'safe-times-unreadable' });
    expect(await refusal(byEmail, { kind: 'contact', channel: 'email', personalisation: {} })).toEqual({ status: 409, rule: 'no-template-for-message' });
    const count = (await harness.sql(`SELECT count(*)::int AS n FROM events WHERE type = 'VictimMessageQueued'`))[0].n;
    expect(await refusal(byEmail, update('00000000-0000-4000-8000-000000000000'))).toEqual({ status: 404, rule: undefined });
    expect((await harness.sql(`SELECT count(*)::int AS n FROM events WHERE type = 'VictimMessageQueued'`))[0].n).toBe(count);
  });

  it('keeps a message due outside the safe times in the outbox until the next safe window', async () => {
    const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
    const later = (hour + 2) % 24;
    const window = `${String(later).padStart(2, '0')}:00-${String(later).padStart(2, '0')}:30`;
    const id = await victim({ channel: 'email', safeTimes: window });
    const sent = (await post(`/api/referrals/${id}/messages`, update(await learn(id)))).json();
    const reference = await referenceOf(sent.messageId);
    const [queued] = await eventually(() => harness.sql(`SELECT send_after FROM notify_outbox WHERE id = $1`, [reference]), (rows) => rows.length > 0);
    expect(new Date(queued.send_after).getTime()).toBeGreaterThan(Date.now() + 60 * 60_000);
    const [dispatch] = await harness.sql(`SELECT count(*)::int AS n FROM notify_dispatches WHERE id = $1`, [reference]);
    expect(dispatch.n).toBe(0);
  });

  it("sends a complainant's progress update, which counts as given once Notify reports it delivered", async () => {
    const officer = await bearer(['crt_officer'], 'crt-messages');
    const complaint = { receivedAt: new Date(Date.now() - 86_400_000).toISOString(), channel: 'email', complainant: { name: 'Carl Complainant', email: 'carl@example.org' }, summary: 'Nobody called back', subjects: [{ kind: 'force' }] };
    const { id } = (await post('/api/complaints', complaint, officer)).json<{ id: string }>();
    const allegation = { category: 'delivery-of-duties-and-service', description: 'No call back', subject: { kind: 'force' } };
    expect((await post(`/api/complaints/${id}/handle-outside-schedule-3`, { allegations: [allegation] }, officer)).statusCode).toBe(200);
    const sent = await post(`/api/complaints/${id}/messages`, { channel: 'email', summary: 'We have asked the station to call you', personalisation: { first_name: 'Carl' } }, officer);
    expect(sent.statusCode).toBe(200);
    const [queued] = await harness.sql<{ event_id: string }>(`SELECT event_id FROM events WHERE type = 'ComplainantMessageQueued' AND data->>'messageId' = $1`, [sent.json().messageId]);
    const [notification] = await eventually(async () => notify.sentWith(queued!.event_id), (found) => found.length > 0);
    expect(notification).toMatchObject({ type: 'email', to: 'carl@example.org', templateId: CONTACT_TEMPLATE, personalisation: { first_name: 'Carl' } });

    expect((await receipt(queued!.event_id, 'delivered')).statusCode).toBe(204);
    const types = (await harness.sql<{ type: string }>(`SELECT type FROM events WHERE stream = $1 ORDER BY revision`, [`complaint-${id}`])).map((row) => row.type);
    expect(types.slice(-2)).toEqual(['ComplainantMessageDelivered', 'ComplainantUpdated']);
  });

  it('takes receipts only with the callback token given to Notify, and says on /api/health that it sends', async () => {
    expect((await receipt('00000000-0000-4000-8000-000000000000', 'delivered', 'not-the-token-given-to-notify-at-all')).statusCode).toBe(401);
    expect((await receipt('00000000-0000-4000-8000-000000000000', 'delivered')).statusCode).toBe(404);
    const health = (await harness.request({ method: 'GET', url: '/api/health' })).json();
    expect(health.info.notify).toMatchObject({ status: 'up', sending: true });
  });
});

describe('messages without a Notify API key', () => {
  let harness: TestApp;
  beforeAll(async () => {
    harness = await startTestApp();
  });
  afterAll(() => harness.close());

  it('keep messages in the outbox and say so on /api/health and in the metrics', async () => {
    const caseManager = await bearer(['case_manager'], 'cm-no-key');
    const admin = await bearer(['admin'], 'admin-no-key');
    const post = (url: string, payload: object, authorization = caseManager) => harness.request({ method: 'POST', url, payload, headers: { authorization } });
    await post('/api/admin/settings/lists/notifyTemplates/entries', { id: 'contact-email', label: 'Contact by email', templateId: CONTACT_TEMPLATE }, admin);
    const body = { source: 'self', crimeType: 'burglary', victim: { name: 'Ann Example', email: 'ann@example.org' }, consent: { contact: true, dataSharing: false, basis: 'explicit' } };
    const { id } = (await post('/api/referrals', body)).json<{ id: string }>();
    await post(`/api/referrals/${id}/contact-contract`, { frequency: 'weekly', channel: 'email' });
    expect((await post(`/api/referrals/${id}/messages`, { kind: 'contact', channel: 'email', personalisation: {} })).statusCode).toBe(200);

    const health = await eventually(async () => (await harness.request({ method: 'GET', url: '/api/health' })).json(), (found) => found.info?.notify?.waiting === 1);
    expect(health).toMatchObject({ status: 'degraded', info: { notify: { status: 'degraded', sending: false, waiting: 1 } } });
    const metrics = (await harness.request({ method: 'GET', url: '/api/metrics', headers: { authorization: admin } })).body;
    expect(metrics).toMatch(/^casework_notify_configured 0$/m);
    expect(metrics).toMatch(/^casework_notify_outbox_waiting 1$/m);
  });
});
