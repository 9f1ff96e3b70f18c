import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, knownUser, startTestApp, type TestApp, type TestResponse } from '../support/test-app.ts';

describe('victim journeys over HTTP (real app, real PostgreSQL)', () => {
  let harness: TestApp;
  let caseManager: string;
  let supervisor: string;

  beforeAll(async () => {
    harness = await startTestApp();
    caseManager = await bearer(['case_manager'], 'cm-ann');
    supervisor = await bearer(['supervisor'], 'sup-sam');
    await knownUser(harness, 'cm-bob');
  });
  afterAll(() => harness.close());

  // Read-your-writes, as a client would: every read waits for the last write this test made.
  let lastPosition = '0';
  const post = async (url: string, payload: object, authorization = caseManager) => {
    const response = await harness.request({ method: 'POST', url, payload, headers: { authorization } });
    if (response.statusCode < 300) lastPosition = response.json().position;
    return response;
  };
  const get = (url: string, headers: Record<string, string> = {}) =>
    harness.request({ method: 'GET', url, headers: { authorization: caseManager, 'x-min-position': lastPosition, ...headers } });
  const ok = (response: TestResponse, status = 200) => {
    expect({ status: response.statusCode, body: response.json() }).toMatchObject({ status });
    return response.json<{ id: string; revision: number; position: string }>();
  };

  /** Received weeks ago and typed in now, so the contacts these tests enter late follow the receipt. */
  const receivedWeeksAgo = () => new Date(Date.now() - 60 * 86_400_000).toISOString();

  it('a police-referred domestic-abuse victim: explicit consent, enhanced, supported, assigned, closed', async () => {
    const { id } = ok(
      await post('/api/referrals', {
        source: 'police',
        crimeReference: '41/777/26',
        crimeType: 'domestic-abuse',
        offenceDate: '2026-03-01',
        crimeReportedOn: '2026-03-01',
        victim: { name: 'Dana Example', dateOfBirth: '1990-06-01', phone: '07700 900777' },
        consent: { contact: true, dataSharing: true, basis: 'explicit' },
        receivedAt: receivedWeeksAgo(),
      }),
      201,
    );
    ok(await post(`/api/referrals/${id}/assess`, { needs: ['safety', 'emotional'], riskLevel: 'high', priorityGroups: ['most-serious-crime'] }));
    ok(await post(`/api/referrals/${id}/accept-support`, {}));
    expect((await post(`/api/referrals/${id}/accept-support`, {})).json()).toMatchObject({ status: 409, rule: 'support-already-accepted' });
    const tooEarly = await post(`/api/referrals/${id}/contact-contract`, { frequency: 'weekly', channel: 'phone' });
    expect(tooEarly.json()).toMatchObject({ status: 409, rule: 'case-manager-required' });
    ok(await post(`/api/referrals/${id}/assign`, { caseManager: 'cm-ann' }));
    ok(await post(`/api/referrals/${id}/contact-contract`, { frequency: 'weekly', channel: 'phone', safeTimes: 'weekdays after 6pm' }));
    const lastWeek = new Date(Date.now() - 8 * 24 * 3600 * 1000).toISOString();
    const contacted = ok(await post(`/api/referrals/${id}/contacts`, { outcome: 'made', channel: 'phone', at: lastWeek, note: 'Discussed safety plan' }));
    const overdue = (await get('/api/referrals?overdue=true', { 'x-min-position': contacted.position })).json();
    expect(overdue.items).toEqual([expect.objectContaining({ id, contactOverdue: true })]);
    expect((await get(`/api/referrals/${id}`)).json()).toMatchObject({ contract: { frequency: 'weekly', safeTimes: 'weekdays after 6pm' }, contact: { lastMadeAt: lastWeek, overdue: true } });
    ok(await post(`/api/referrals/${id}/contacts`, { outcome: 'made', channel: 'phone', at: new Date().toISOString() }));
    const idva = await post(`/api/referrals/${id}/service-referrals`, { service: 'idva' });
    const { serviceReferralId } = ok(idva) as unknown as { serviceReferralId: string };
    ok(await post(`/api/referrals/${id}/service-referrals/${serviceReferralId}/outcome`, { outcome: 'accepted' }));
    expect((await post(`/api/referrals/${id}/service-referrals/${crypto.randomUUID()}/outcome`, { outcome: 'accepted' })).statusCode).toBe(404);
    const learnedAt = new Date(Date.now() - 60_000).toISOString();
    const { cjEventId } = ok(await post(`/api/referrals/${id}/cj-events`, { kind: 'charge', learnedAt })) as unknown as { cjEventId: string };
    const owed = (await get(`/api/referrals/${id}`)).json();
    expect(owed.openCriminalJusticeUpdates).toEqual([{ id: cjEventId, kind: 'charge', learnedAt, dueBy: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), overdue: false }]);
    const dueFirst = (await get('/api/referrals?caseManager=me')).json();
    expect(dueFirst.items.find((item: { id: string }) => item.id === id)).toMatchObject({ nextUpdateDue: owed.openCriminalJusticeUpdates[0].dueBy, updateOverdue: false });
    ok(await post(`/api/referrals/${id}/cj-events/${cjEventId}/communicated`, { at: new Date().toISOString(), channel: 'phone' }));
    expect((await post(`/api/referrals/${id}/cj-events/${cjEventId}/communicated`, { at: new Date().toISOString(), channel: 'phone' })).json()).toMatchObject({ status: 409, rule: 'victim-already-updated' });
    expect((await post(`/api/referrals/${id}/cj-events`, { kind: 'knighthood', learnedAt })).statusCode).toBe(400);
    expect((await post(`/api/referrals/${id}/cj-events/${crypto.randomUUID()}/communicated`, { at: new Date().toISOString(), channel: 'phone' })).statusCode).toBe(404);
    const told = (await get(`/api/referrals/${id}`)).json();
    expect(told.openCriminalJusticeUpdates).toEqual([]);
    expect(told.criminalJustice).toEqual([expect.objectContaining({ id: cjEventId, communicated: expect.objectContaining({ onTime: true, workingDaysTaken: 0 }), overdue: false })]);
    ok(await post(`/api/referrals/${id}/personal-statement`, { status: 'offered' }));
    ok(await post(`/api/referrals/${id}/restorative-justice`, { status: 'information-given' }));

    const journey = (await get(`/api/referrals/${id}`)).json();
    expect(journey).toMatchObject({ status: 'supported', enhanced: true, priorityGroups: ['most-serious-crime'], riskLevel: 'high', caseManager: 'cm-ann' });
    expect(journey).toMatchObject({ serviceReferrals: [{ service: 'idva', outcome: 'accepted' }], personalStatement: 'offered', restorativeJustice: 'information-given' });

    const { position } = ok(await post(`/api/referrals/${id}/close`, { reason: 'support-completed' }));
    const closed = (await get(`/api/referrals/${id}`)).json();
    expect(closed).toMatchObject({ closure: { reason: 'support-completed', reasonLabel: 'Support completed' } });
    expect(closed.needs).toEqual(expect.arrayContaining([expect.any(String)]));
    expect(closed.needsLabelled).toEqual(closed.needs.map((need: string) => ({ id: need, label: expect.not.stringMatching(new RegExp(`^${need}$`)) })));
    expect(closed.serviceReferrals).toEqual([expect.objectContaining({ service: 'idva', serviceLabel: expect.stringContaining('Domestic Violence') })]);
    expect((await post(`/api/referrals/${id}/assign`, { caseManager: 'cm-bob' })).json()).toMatchObject({ status: 409, rule: 'case-closed' });
    const caseload = (await get('/api/referrals?caseManager=me&enhanced=true', { 'x-min-position': position })).json();
    expect(caseload.items).toEqual([expect.objectContaining({ id, status: 'closed', enhanced: true, caseManager: 'cm-ann' })]);

    expect((await post(`/api/referrals/${id}/reopen`, { reason: 'New court date' })).statusCode).toBe(403);
    ok(await post(`/api/referrals/${id}/reopen`, { reason: 'New court date' }, supervisor));
    expect((await get(`/api/referrals/${id}`)).json()).toMatchObject({ status: 'supported', closure: null });
  });

  it('a self-referral that declines support, for a reason from the list', async () => {
    const { id } = ok(
      await post('/api/referrals', { source: 'self', crimeType: 'burglary', victim: { name: 'Sam Self' }, consent: { contact: true, dataSharing: false, basis: 'explicit' } }),
      201,
    );
    const unknownReason = await post(`/api/referrals/${id}/decline-support`, { reason: 'bored' });
    expect(unknownReason.statusCode).toBe(400);
    expect(unknownReason.json().errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    expect((await post(`/api/referrals/${id}/accept-support`, { reason: 'x' })).json()).toMatchObject({ status: 400, errors: [{ field: 'reason' }] });
    ok(await post(`/api/referrals/${id}/decline-support`, { reason: 'wants-to-move-on' }));
    const journey = (await get(`/api/referrals/${id}`)).json();
    expect(journey).toMatchObject({ status: 'declined', support: { decision: 'declined', reason: 'wants-to-move-on', reasonLabel: 'Wants to move on' } });
    expect(journey.timeline).toEqual([
      { revision: 0, type: 'ReferralReceived', summary: 'Referral received from the victim', recordedAt: expect.any(String), by: 'cm-ann' },
      { revision: 1, type: 'SupportDeclined', summary: 'Support declined (wants-to-move-on)', recordedAt: expect.any(String), by: 'cm-ann' },
    ]);
  });

  it('a 17-year-old victim of criminal damage is proposed as vulnerable, and an override needs a reason', async () => {
    const { id } = ok(
      await post('/api/referrals', {
        source: 'partner',
        crimeType: 'criminal-damage',
        offenceDate: '2026-02-10',
        victim: { name: 'Young Person', dateOfBirth: '2008-09-30' },
        consent: { contact: true, dataSharing: true, basis: 'explicit' },
      }),
      201,
    );
    const withoutReason = await post(`/api/referrals/${id}/assess`, { needs: ['emotional'], riskLevel: 'medium', priorityGroups: [] });
    expect(withoutReason.json()).toMatchObject({ status: 409, rule: 'override-reason-required' });
    expect(withoutReason.json().detail).toContain('vulnerable-or-intimidated');
    ok(await post(`/api/referrals/${id}/assess`, { needs: ['emotional'], riskLevel: 'medium', priorityGroups: ['vulnerable-or-intimidated'] }));
    expect((await get(`/api/referrals/${id}`)).json()).toMatchObject({ status: 'assessed', enhanced: true, priorityGroups: ['vulnerable-or-intimidated'] });

    const badAssessment = await post(`/api/referrals/${id}/assess`, { needs: ['telepathy'], riskLevel: 'extreme', priorityGroups: ['vip'] });
    expect(badAssessment.statusCode).toBe(400);
    expect(new Set(badAssessment.json().errors.map((error: { field: string }) => error.field))).toEqual(new Set(['needs', 'riskLevel', 'priorityGroups']));
  });

  it('moves the statement statuses forward only: going back is a correction with its reason, and the page keeps that a statement was made', async () => {
    const { id } = ok(await post('/api/referrals', { source: 'self', crimeType: 'theft', victim: { name: 'Stella Statement' }, consent: { contact: true, dataSharing: false, basis: 'explicit' } }), 201);
    ok(await post(`/api/referrals/${id}/personal-statement`, { status: 'made' }));
    ok(await post(`/api/referrals/${id}/restorative-justice`, { status: 'interested' }));
    expect((await post(`/api/referrals/${id}/personal-statement`, { status: 'offered' })).json()).toMatchObject({ status: 409, rule: 'correction-required' });
    expect((await post(`/api/referrals/${id}/restorative-justice`, { status: 'information-given' })).json()).toMatchObject({ status: 409, rule: 'correction-required' });
    expect((await post(`/api/referrals/${id}/personal-statement/correction`, { status: 'offered' })).statusCode).toBe(400);
    ok(await post(`/api/referrals/${id}/personal-statement/correction`, { status: 'offered', reason: 'The victim withdrew the statement before court' }));

    const page = (await get(`/api/referrals/${id}`)).json();
    expect(page).toMatchObject({
      personalStatement: 'offered',
      personalStatementMadeAt: expect.any(String),
      restorativeJustice: 'interested',
      statusCorrections: [{ of: 'personal-statement', from: 'made', to: 'offered', reason: 'The victim withdrew the statement before court', at: expect.any(String) }],
    });
  });

  it('shows a contact due today as due, not overdue, until the day has passed in England', async () => {
    const kay = await bearer(['case_manager'], 'cm-kay');
    const { id } = ok(await post('/api/referrals', { source: 'self', crimeType: 'theft', victim: { name: 'Due Today' }, consent: { contact: true, dataSharing: false, basis: 'explicit' }, receivedAt: receivedWeeksAgo() }, kay), 201);
    ok(await post(`/api/referrals/${id}/assign`, { caseManager: 'cm-kay' }, kay));
    ok(await post(`/api/referrals/${id}/contact-contract`, { frequency: 'weekly', channel: 'phone' }, kay));
    // Made a week ago at the first minute of the day: the next contact is due today, at a moment already past.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    const weekAgo = new Date(Date.parse(`${today}T00:00:00Z`) - 7 * 86_400_000).toISOString();
    const { position } = ok(await post(`/api/referrals/${id}/contacts`, { outcome: 'made', channel: 'phone', at: weekAgo }, kay));

    const page = (await harness.request({ method: 'GET', url: `/api/referrals/${id}`, headers: { authorization: kay, 'x-min-position': position } })).json();
    expect(page.contact).toMatchObject({ nextDue: expect.stringMatching(new RegExp(`^${today}`)), overdue: false });
    const caseload = (await harness.request({ method: 'GET', url: '/api/referrals?caseManager=me', headers: { authorization: kay, 'x-min-position': position } })).json();
    expect(caseload.items).toEqual([expect.objectContaining({ id, contactOverdue: false })]);
    const overdue = (await harness.request({ method: 'GET', url: '/api/referrals?caseManager=me&overdue=true', headers: { authorization: kay } })).json();
    expect(overdue.items).toEqual([]);
    const everyoneOverdue = (await harness.request({ method: 'GET', url: '/api/referrals?overdue=true&limit=200', headers: { authorization: kay } })).json();
    expect(everyoneOverdue.items.map((item: { id: string }) => item.id)).not.toContain(id);
  });

  it('lists overdue referrals across caseloads longest overdue first', async () => {
    const lee = await bearer(['case_manager'], 'cm-lee');
    const contactedDaysAgo = async (days: number) => {
      const { id } = ok(await post('/api/referrals', { source: 'self', crimeType: 'theft', victim: { name: `Owed ${days}` }, consent: { contact: true, dataSharing: false, basis: 'explicit' }, receivedAt: receivedWeeksAgo() }, lee), 201);
      ok(await post(`/api/referrals/${id}/assign`, { caseManager: 'cm-lee' }, lee));
      ok(await post(`/api/referrals/${id}/contact-contract`, { frequency: 'weekly', channel: 'phone' }, lee));
      const { position } = ok(await post(`/api/referrals/${id}/contacts`, { outcome: 'made', channel: 'phone', at: new Date(Date.now() - days * 86_400_000).toISOString() }, lee));
      return { id, position };
    };
    // Received in the other order, so newest first would list them the other way round.
    const longAgo = await contactedDaysAgo(30);
    const lately = await contactedDaysAgo(10);
    const overdue = (await harness.request({ method: 'GET', url: '/api/referrals?overdue=true&limit=200', headers: { authorization: lee, 'x-min-position': lately.position } })).json();
    const ids = overdue.items.map((item: { id: string }) => item.id);
    expect(ids).toEqual(expect.arrayContaining([lately.id, longAgo.id]));
    expect(ids.indexOf(longAgo.id)).toBeLessThan(ids.indexOf(lately.id));
    expect(overdue.items.every((item: { contactOverdue: boolean; updateOverdue: boolean }) => item.contactOverdue || item.updateOverdue)).toBe(true);
  });

  it("lists a case manager's own caseload with what is due first, page by page", async () => {
    const zed = await bearer(['case_manager'], 'cm-zed');
    const create = async (name: string) =>
      ok(await post('/api/referrals', { source: 'self', crimeType: 'theft', victim: { name }, consent: { contact: true, dataSharing: false, basis: 'explicit' } }, zed), 201).id;
    const undated = await create('No Contract');
    const dated = await create('Weekly Contract');
    for (const id of [undated, dated]) ok(await post(`/api/referrals/${id}/assign`, { caseManager: 'cm-zed' }, zed));
    const { position } = ok(await post(`/api/referrals/${dated}/contact-contract`, { frequency: 'weekly', channel: 'sms' }, zed));

    const first = (await harness.request({ method: 'GET', url: '/api/referrals?caseManager=me&limit=1', headers: { authorization: zed, 'x-min-position': position } })).json();
    expect(first.items.map((item: { id: string }) => item.id)).toEqual([dated]);
    const second = (await harness.request({ method: 'GET', url: `/api/referrals?caseManager=me&limit=1&cursor=${first.nextCursor}`, headers: { authorization: zed } })).json();
    expect(second.items.map((item: { id: string }) => item.id)).toEqual([undated]);
    expect(second.nextCursor).toBeNull();
  });
});
