import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, startTestApp, type TestApp } from '../support/test-app.ts';
import { fieldsOf, followingRequests, ok } from '../support/following-requests.ts';
import { eventually } from '../support/projection-harness.ts';

const VICTIM = 'Valentina Statusworth';
const OFFENCE_REFERENCE = 'HT/99881/26';
const MESSAGE = 'Please only ring after 6pm, my kids are home';
const LINK = { validForDays: 28, contactFirstName: 'Priya', team: 'Beacon north' };

describe("a victim's or complainant's page of their own", () => {
  let harness: TestApp;
  let request: ReturnType<typeof followingRequests>;
  let caseManager: string;
  let crtOfficer: string;
  let auditor: string;

  beforeAll(async () => {
    harness = await startTestApp();
    request = followingRequests(harness);
    [caseManager, crtOfficer, auditor] = await Promise.all([bearer(['case_manager'], 'cm-priya'), bearer(['crt_officer'], 'crt-cath'), bearer(['auditor'], 'aud-ada')]);
  });
  afterAll(() => harness.close());

  const page = (url: string, headers: Record<string, string> = {}) => harness.request({ method: 'GET', url, headers });
  const send = (url: string, form: Record<string, string>) =>
    harness.request({ method: 'POST', url: `${url}/message`, payload: new URLSearchParams(form).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

  const newReferral = async () => {
    const { id } = ok(
      await request('POST', '/api/referrals', caseManager, { source: 'police', crimeReference: OFFENCE_REFERENCE, crimeType: 'burglary', victim: { name: VICTIM }, consent: { contact: true, dataSharing: true, basis: 'explicit' } }),
      201,
    );
    return id as string;
  };

  it('shows the victim their case manager, next contact, updates passed on and services, and nothing else; each view is in the access log', async () => {
    const id = await newReferral();
    ok(await request('POST', `/api/referrals/${id}/contact-contract`, caseManager, { frequency: 'weekly', channel: 'phone' }));
    const { serviceReferralId } = ok(await request('POST', `/api/referrals/${id}/service-referrals`, caseManager, { service: 'idva' }));
    ok(await request('POST', `/api/referrals/${id}/service-referrals/${serviceReferralId}/outcome`, caseManager, { outcome: 'accepted' }));
    const { cjEventId } = ok(await request('POST', `/api/referrals/${id}/cj-events`, caseManager, { kind: 'charge', learnedAt: new Date().toISOString() }));
    ok(await request('POST', `/api/referrals/${id}/cj-events/${cjEventId}/communicated`, caseManager, { at: new Date().toISOString(), channel: 'phone' }));
    ok(await request('POST', `/api/referrals/${id}/cj-events`, caseManager, { kind: 'bail', learnedAt: new Date().toISOString() }));

    const given = ok(await request('POST', `/api/referrals/${id}/status-link`, caseManager, LINK));
    expect(given).toMatchObject({ id, linkId: expect.any(String), url: expect.stringMatching(/^\/status\/[\w-]{50}\.[\w-]{22}$/) });
    expect(Date.parse(given.expiresAt) - Date.now()).toBeGreaterThan(27 * 86_400_000);

    const view = await page(given.url);
    expect(view.statusCode).toBe(200);
    expect(view.headers['cache-control']).toBe('no-store');
    expect(view.body).toContain('Priya, Beacon north');
    expect(view.body).toContain('Charge: told');
    expect(view.body).not.toContain('Bail');
    expect(view.body).toMatch(/Independent (Domestic|domestic)[^<]*\(accepted\)/);
    const { contact } = ok(await request('GET', `/api/referrals/${id}`, caseManager));
    expect(view.body).toContain(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'medium' }).format(new Date(contact.nextDue)));
    for (const hidden of [VICTIM, 'Valentina', OFFENCE_REFERENCE, 'burglary', 'Burglary', id]) expect(view.body).not.toContain(hidden);

    // The access log is a read model: the view's entry shows once its projection has applied it (tens of ms).
    const viewsOfTheLink = `/api/audit/access-log?case=${id}&user=${encodeURIComponent(`status-link:${given.linkId}`)}`;
    let log = { items: [] };
    await eventually(async () => (log = ok(await request('GET', viewsOfTheLink, auditor))).items.length > 0, 10_000);
    expect(log.items).toEqual([expect.objectContaining({ user: `status-link:${given.linkId}`, caseIds: [id], route: '/status/:token', purpose: 'victim-support' })]);
  });

  it('takes a message from the victim, with CSRF and length checks, as a note on the case from them', async () => {
    const id = await newReferral();
    const { url } = ok(await request('POST', `/api/referrals/${id}/status-link`, caseManager, LINK));
    const csrf = csrfOf((await page(url)).body);

    expect((await send(url, { message: MESSAGE, _csrf: 'forged' })).statusCode).toBe(403);
    const blank = await send(url, { message: '   ', _csrf: csrf });
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain('govuk-error-summary');
    expect(blank.body).toContain('Enter your message');
    const long = await send(url, { message: 'x'.repeat(1001), _csrf: csrf });
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain('1000 characters or fewer');
    expect(await harness.sql("SELECT 1 FROM events WHERE type = 'ReferralNoteFromVictimAdded'")).toHaveLength(0);

    // Sent, then redirected (303, followed) back to the page saying so.
    const sent = await send(url, { message: MESSAGE, _csrf: csrf });
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain('Your message was sent to Priya');

    const positions = await harness.sql<{ position: string }>("SELECT position::text AS position FROM events WHERE type = 'ReferralNoteFromVictimAdded'");
    expect(positions).toHaveLength(1);
    const view = (await harness.request({ method: 'GET', url: `/api/referrals/${id}`, headers: { authorization: caseManager, 'x-min-position': positions[0]!.position } })).json();
    expect(view.timeline.at(-1)).toMatchObject({ type: 'ReferralNoteFromVictimAdded', summary: 'Message from the victim, sent from their status page', note: MESSAGE, by: expect.stringMatching(/^status-link:/) });
    const stored = await harness.sql("SELECT data::text AS data FROM events WHERE type = 'ReferralNoteFromVictimAdded'");
    expect(stored[0].data).not.toContain('ring after 6pm');
  });

  it('refuses a NUL in the message or the address as a 400 naming the field, and other control characters on the form, storing nothing', async () => {
    const id = await newReferral();
    const { url } = ok(await request('POST', `/api/referrals/${id}/status-link`, caseManager, LINK));
    const csrf = csrfOf((await page(url)).body);
    const notes = async () => harness.sql("SELECT 1 FROM events WHERE stream = $1 AND type = 'ReferralNoteFromVictimAdded'", [`referral-${id}`]);

    // Was a 404 saying the link no longer works.
    const nul = await send(url, { message: 'Ring me\u0000 after 6pm', _csrf: csrf });
    expect({ status: nul.statusCode, type: nul.headers['content-type'], errors: nul.json().errors }).toEqual({
      status: 400,
      type: expect.stringMatching(/^application\/problem\+json/),
      errors: [{ field: 'message', message: 'message must not contain a NUL character or an unpaired surrogate' }],
    });
    expect(fieldsOf(await page(`${url}?sent=%00`))).toEqual({ status: 400, fields: ['sent'] });
    expect(fieldsOf(await page(`${url.slice(0, -1)}%00`))).toEqual({ status: 400, fields: ['token'] });
    const control = await send(url, { message: 'Ring me\u0007 after 6pm', _csrf: csrf });
    expect(control.statusCode).toBe(400);
    expect(control.body).toContain('Your message must not contain control characters');
    expect(await notes()).toHaveLength(0);

    // Line breaks and tabs are what a person types.
    expect((await send(url, { message: 'Ring me\r\n\tafter 6pm', _csrf: csrf })).statusCode).toBe(200);
    expect(await notes()).toHaveLength(1);
  });

  it('stops working once revoked, replaced or expired, saying only that', async () => {
    const id = await newReferral();
    const first = ok(await request('POST', `/api/referrals/${id}/status-link`, caseManager, LINK));
    const second = ok(await request('POST', `/api/referrals/${id}/status-link`, caseManager, LINK));
    const replaced = await page(first.url);
    expect(replaced.statusCode).toBe(404);
    expect(replaced.body).toContain('This link no longer works');
    expect(replaced.body).not.toContain('Priya');
    expect((await page(second.url)).statusCode).toBe(200);

    ok(await request('POST', `/api/referrals/${id}/status-link/revoke`, caseManager, {}));
    expect((await page(second.url)).statusCode).toBe(404);
    const again = await request('POST', `/api/referrals/${id}/status-link/revoke`, caseManager, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().rule).toBe('no-status-link');

    const [payload, mac] = second.url.slice('/status/'.length).split('.');
    const stretched = Buffer.from(payload, 'base64url');
    stretched.writeUInt32BE(4102444800, 33);
    expect((await page(`/status/${stretched.toString('base64url')}.${mac}`)).statusCode).toBe(404);
    expect((await page('/status/nonsense')).statusCode).toBe(404);
    // Expired: the clock of the decider and of the token both say so; here the token's, signed with a past expiry by the service's own signer.
    const { StatusLinkTokens } = await import('../../src/status-page/status-link-token.ts');
    const tokens = harness.app.get(StatusLinkTokens);
    const live = tokens.verify(second.url.slice('/status/'.length), new Date())!;
    expect((await page(`/status/${tokens.sign({ ...live, expiresAt: new Date(Date.now() - 1000) })}`)).statusCode).toBe(404);
  });

  it('refuses the routes to other roles, bad bodies and unknown cases, appending nothing', async () => {
    const id = await newReferral();
    expect((await request('POST', `/api/referrals/${id}/status-link`, crtOfficer, LINK)).statusCode).toBe(403);
    const bad = await request('POST', `/api/referrals/${id}/status-link`, caseManager, { validForDays: 91, contactFirstName: ' ', team: 'x', extra: true });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((error: { field: string }) => error.field).sort()).toEqual(['contactFirstName', 'extra', 'validForDays']);
    expect((await request('POST', `/api/referrals/${crypto.randomUUID()}/status-link`, caseManager, LINK)).statusCode).toBe(404);
    expect(await harness.sql("SELECT 1 FROM events WHERE type = 'VictimStatusLinkGiven' AND stream = $1", [`referral-${id}`])).toHaveLength(0);
  });

  it('limits views of one link, with a clear page', async () => {
    const id = await newReferral();
    const { url } = ok(await request('POST', `/api/referrals/${id}/status-link`, caseManager, LINK));
    const answers: number[] = [];
    for (let view = 0; view < 31; view++) answers.push((await page(url)).statusCode);
    expect(answers.slice(0, 30).every((status) => status === 200)).toBe(true);
    const limited = await page(url);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toMatch(/^\d+$/);
    expect(limited.body).toContain('Too many requests');
  });

  it("shows a complainant what the complaint's status shows, with their right to a review", async () => {
    const { id } = ok(
      await request('POST', '/api/complaints', crtOfficer, {
        receivedAt: new Date(Date.now() - 86_400_000).toISOString(),
        channel: 'email',
        complainant: { name: 'Cora Complainer', email: 'cora@example.org' },
        summary: 'PC 1234 Smith was rude to me',
        subjects: [{ kind: 'officer', identifier: 'PC 1234 Smith' }],
      }),
      201,
    );
    const { url } = ok(await request('POST', `/api/complaints/${id}/status-link`, crtOfficer, { ...LINK, contactFirstName: 'Cath', team: 'Customer Response Team' }));
    const status = ok(await request('GET', `/api/complaints/${id}/status`, crtOfficer));
    const view = await page(url);
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain(`Your complaint ${status.reference}`);
    expect(view.body).toContain('Cath, Customer Response Team');
    expect(view.body).toContain('you may ask for one once you are told the outcome');
    for (const hidden of ['Cora', 'cora@example.org', 'Smith', 'PC 1234', 'rude']) expect(view.body).not.toContain(hidden);
  });

  it('shows nothing personal once the case’s people are erased', async () => {
    const id = await newReferral();
    const { url } = ok(await request('POST', `/api/referrals/${id}/status-link`, caseManager, LINK));
    const csrf = csrfOf((await page(url)).body);
    expect((await send(url, { message: MESSAGE, _csrf: csrf })).body).toContain('Your message was sent');
    const { victim } = ok(await request('GET', `/api/referrals/${id}`, caseManager));
    ok(await request('POST', `/api/admin/data-subjects/${victim.subjectId}/erase`, await bearer(['admin'], 'root'), { ground: 'art17-withdrawn-consent', requestReference: 'SAR-19' }));
    const after = await page(url);
    for (const hidden of [VICTIM, MESSAGE, OFFENCE_REFERENCE]) expect(after.body).not.toContain(hidden);
  });

  it('takes no message while the victim has processing restricted, and says so plainly, appending nothing', async () => {
    const id = await newReferral();
    const { url } = ok(await request('POST', `/api/referrals/${id}/status-link`, caseManager, LINK));
    const { victim } = ok(await request('GET', `/api/referrals/${id}`, caseManager));
    ok(await request('POST', `/api/admin/data-subjects/${victim.subjectId}/restrict`, await bearer(['admin'], 'root'), { ground: 'art18-accuracy-contested', requestReference: 'SAR-20' }));
    const before = (await harness.sql('SELECT count(*)::int AS n FROM events WHERE stream = $1', [`referral-${id}`]))[0].n;
    const refused = await send(url, { message: MESSAGE, _csrf: csrfOf((await page(url)).body) });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('cannot take messages');
    expect((await harness.sql('SELECT count(*)::int AS n FROM events WHERE stream = $1', [`referral-${id}`]))[0].n).toBe(before);
  });
});
