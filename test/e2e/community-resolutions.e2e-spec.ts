import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.ts';
import { bearer, startTestApp, type TestApp, type TestResponse } from '../support/test-app.ts';

const today = () => new Date().toISOString().slice(0, 10);
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('Community Resolutions over HTTP (real app, real PostgreSQL)', () => {
  let harness: TestApp;
  let officer: string;
  let auditor: string;

  beforeAll(async () => {
    harness = await startTestApp();
    officer = await bearer(['resolution_officer'], 'pc-olly');
    auditor = await bearer(['auditor'], 'aud-ada');
  });
  afterAll(() => harness.close());

  const post = (url: string, payload: object, authorization = officer) => harness.request({ method: 'POST', url, payload, headers: { authorization } });
  const get = (url: string, headers: Record<string, string> = {}) => harness.request({ method: 'GET', url, headers: { authorization: officer, ...headers } });
  const ok = (response: TestResponse, status = 200) => {
    expect({ status: response.statusCode, body: response.json() }).toMatchObject({ status });
    return response.json<{ id: string; revision: number; position: string; remedyId?: string }>();
  };
  const refused = (response: TestResponse, rule: string) => expect({ status: response.statusCode, body: response.json() }).toMatchObject({ status: 409, body: { status: 409, rule } });
  const fieldsOf = (response: TestResponse) => new Set(response.json<{ errors: { field: string }[] }>().errors.map((error) => error.field));

  const proposal = (overrides: object = {}) => ({
    crimeReference: '41/1001/26',
    offenceType: 'criminal-damage',
    offenceDate: daysFromNow(-10),
    offender: { name: 'Dan Damage', dateOfBirth: '1995-07-01' },
    evidenceSufficient: true,
    offenderAdmits: true,
    offenderAgrees: true,
    victims: [{ name: 'Vera Victim', contact: '07700 900100', consulted: true, views: 'Wants an apology and the fence mended', consents: true }],
    flags: { domesticAbuse: false, intimatePartner: false, hateCrime: false },
    rationale: 'First offence, full admission, victim wants repair',
    ...overrides,
  });

  it('criminal damage resolved by a victim-chosen written apology and repair of the damage: both completed, victim told, closed as complied', async () => {
    const created = await post('/api/community-resolutions', proposal());
    const { id } = ok(created, 201);
    expect(created.headers.location).toBe(`/api/community-resolutions/${id}`);

    const apology = ok(await post(`/api/community-resolutions/${id}/remedies`, { type: 'written-apology', chosenByVictim: true, dueDate: daysFromNow(14) }));
    const repair = ok(
      await post(`/api/community-resolutions/${id}/remedies`, { type: 'reparation', chosenByVictim: true, details: 'Repaint the garden fence', dueDate: daysFromNow(28) }),
    );
    ok(await post(`/api/community-resolutions/${id}/victim-informed`, { about: 'agreement', channel: 'phone' }));
    refused(await post(`/api/community-resolutions/${id}/close`, {}), 'remedy-still-open');

    const open = (await get(`/api/community-resolutions/${id}`, { 'x-min-position': repair.position })).json();
    expect(open).toMatchObject({ status: 'in-progress', offenceType: { id: 'criminal-damage', label: 'Criminal damage (low value)' }, overdueRemedies: 0 });
    expect(open.remedies).toEqual([
      expect.objectContaining({ id: apology.remedyId, type: { id: 'written-apology', label: 'Written apology' }, chosenByVictim: true, dueDate: daysFromNow(14), overdue: false, status: 'open' }),
      expect.objectContaining({ id: repair.remedyId, type: expect.objectContaining({ id: 'reparation' }), details: 'Repaint the garden fence', status: 'open' }),
    ]);

    ok(await post(`/api/community-resolutions/${id}/remedies/${apology.remedyId}/complete`, { evidence: 'Letter handed to the victim' }));
    refused(await post(`/api/community-resolutions/${id}/remedies/${apology.remedyId}/complete`, { evidence: 'again' }), 'remedy-not-open');
    const settled = ok(await post(`/api/community-resolutions/${id}/remedies/${repair.remedyId}/complete`, { evidence: 'Photo of the repainted fence', completedAt: new Date().toISOString() }));
    refused(await post(`/api/community-resolutions/${id}/close`, {}), 'victim-not-informed');
    expect((await get(`/api/community-resolutions/${id}`, { 'x-min-position': settled.position })).json()).toMatchObject({ status: 'informing-victims' });
    const told = ok(await post(`/api/community-resolutions/${id}/victim-informed`, { about: 'completion', channel: 'letter' }));
    expect((await get(`/api/community-resolutions/${id}`, { 'x-min-position': told.position })).json()).toMatchObject({ status: 'ready-to-close' });
    const closed = ok(await post(`/api/community-resolutions/${id}/close`, {}));
    refused(await post(`/api/community-resolutions/${id}/remedies`, { type: 'verbal-apology', chosenByVictim: false, dueDate: daysFromNow(1) }), 'resolution-closed');

    const page = await get(`/api/community-resolutions/${id}`, { 'x-min-position': closed.position });
    expect(page.headers.etag).toBe(`"${closed.revision}"`);
    const resolution = page.json();
    expect(resolution).toMatchObject({ status: 'closed', outcome: 'complied', crimeReference: '41/1001/26', offender: { name: 'Dan Damage', under18AtOffence: false } });
    expect(resolution.remedies.map((remedy: { status: string }) => remedy.status)).toEqual(['completed', 'completed']);
    expect(resolution.victims).toEqual([
      expect.objectContaining({ name: 'Vera Victim', consulted: true, consents: true, informedOfOutcome: true, informed: [expect.objectContaining({ about: 'agreement' }), expect.objectContaining({ about: 'completion', channel: 'letter' })] }),
    ]);
    expect(resolution.timeline.map((entry: { type: string }) => entry.type)).toEqual([
      'CommunityResolutionProposed',
      'RemedyAgreed',
      'RemedyAgreed',
      'VictimInformed',
      'RemedyCompleted',
      'RemedyCompleted',
      'VictimInformed',
      'CommunityResolutionClosed',
    ]);
    expect(resolution.timeline[0]).toMatchObject({ revision: 0, by: 'pc-olly' });

    const listed = (await get('/api/community-resolutions?status=closed&offenceType=criminal-damage&q=dAMage', { 'x-min-position': closed.position })).json();
    expect(listed.items).toEqual([expect.objectContaining({ id, status: 'closed', outcome: 'complied', openRemedies: 0, nextRemedyDue: null, overdue: false })]);
  });

  it('shoplifting with compensation agreed and never paid: failure recorded, victim told, closed as not complied', async () => {
    const { id } = ok(
      await post(
        '/api/community-resolutions',
        proposal({
          crimeReference: '41/2002/26',
          offenceType: 'shop-theft',
          offender: { name: 'Sid Lifter', dateOfBirth: '1988-01-15' },
          victims: [{ name: 'Corner Shop manager', consulted: true, views: 'Wants the goods paid for', consents: true }],
        }),
      ),
      201,
    );
    refused(await post(`/api/community-resolutions/${id}/remedies`, { type: 'financial-compensation', chosenByVictim: true, dueDate: daysFromNow(7) }), 'compensation-amount-required');
    const compensation = ok(await post(`/api/community-resolutions/${id}/remedies`, { type: 'financial-compensation', chosenByVictim: true, amount: 4599, dueDate: daysFromNow(7) }));
    refused(await post(`/api/community-resolutions/${id}/remedies/${compensation.remedyId}/complete`, { evidence: 'Part paid', amountPaid: 1000 }), 'compensation-not-paid-in-full');
    ok(await post(`/api/community-resolutions/${id}/remedies/${compensation.remedyId}/fail`, { reason: 'Not paid by the due date despite two reminders' }));
    refused(await post(`/api/community-resolutions/${id}/remedies/${compensation.remedyId}/fail`, { reason: 'again' }), 'remedy-not-open');
    refused(await post(`/api/community-resolutions/${id}/close`, {}), 'victim-not-informed');
    refused(await post(`/api/community-resolutions/${id}/victim-informed`, { about: 'completion', channel: 'email' }), 'nothing-to-inform-about');
    ok(await post(`/api/community-resolutions/${id}/victim-informed`, { about: 'failure', channel: 'email' }));
    const closed = ok(await post(`/api/community-resolutions/${id}/close`, {}));

    const resolution = (await get(`/api/community-resolutions/${id}`, { 'x-min-position': closed.position, authorization: auditor })).json();
    expect(resolution).toMatchObject({ status: 'closed', outcome: 'not-complied' });
    expect(resolution.remedies).toEqual([expect.objectContaining({ status: 'failed', amount: 4599, amountPaid: null, failureReason: 'Not paid by the due date despite two reminders', failedAt: expect.any(String) })]);
    const notComplied = (await get('/api/community-resolutions?outcome=not-complied', { 'x-min-position': closed.position })).json();
    expect(notComplied.items.map((item: { id: string }) => item.id)).toEqual([id]);
  });

  it('refuses a proposal for intimate-partner domestic abuse, appending nothing', async () => {
    const before = (await get('/api/community-resolutions?limit=200')).json().items.length;
    const response = await post('/api/community-resolutions', proposal({ offenceType: 'common-assault', flags: { domesticAbuse: true, intimatePartner: true } }));
    refused(response, 'intimate-partner-domestic-abuse');
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body).not.toContain('Dan Damage');
    const { position } = ok(await post('/api/community-resolutions', proposal({ crimeReference: '41/3003/26' })), 201);
    const after = (await get('/api/community-resolutions?limit=200', { 'x-min-position': position })).json().items.length;
    expect(after).toBe(before + 1);
  });

  it('refuses each other precondition by name', async () => {
    refused(await post('/api/community-resolutions', proposal({ offenderAdmits: false })), 'no-admission');
    refused(await post('/api/community-resolutions', proposal({ offenderAgrees: false })), 'no-agreement');
    refused(await post('/api/community-resolutions', proposal({ evidenceSufficient: false })), 'insufficient-evidence');
    refused(await post('/api/community-resolutions', proposal({ offenceType: 'burglary' })), 'offence-not-eligible');
    const youth = { offender: { name: 'Young One', dateOfBirth: daysFromNow(-16 * 366) } };
    refused(await post('/api/community-resolutions', proposal(youth)), 'appropriate-adult-required');
    ok(await post('/api/community-resolutions', proposal({ ...youth, appropriateAdult: { name: 'Parent', relationship: 'father' } })), 201);
  });

  it("waits for a supervisor's own decision where a victim was not consulted: an officer can neither type one in nor take it", async () => {
    const unconsulted = { crimeReference: '41/3003/26', victims: [{ name: 'Away Victim', consulted: false, consents: false }] };
    const typed = await post('/api/community-resolutions', proposal({ ...unconsulted, supervisorDecision: { supervisor: 'sgt-sue', reason: 'Victim abroad; low value' } }));
    expect({ status: typed.statusCode, fields: [...fieldsOf(typed)] }).toEqual({ status: 400, fields: ['supervisorDecision'] });
    const { id } = ok(await post('/api/community-resolutions', proposal(unconsulted)), 201);
    const mediation = { type: 'mediation', chosenByVictim: false, dueDate: daysFromNow(14) };
    refused(await post(`/api/community-resolutions/${id}/remedies`, mediation), 'supervisor-decision-required');
    const decision = { proceed: true, reason: 'Victim abroad; low value' };
    expect((await post(`/api/community-resolutions/${id}/supervisor-decision`, decision)).statusCode).toBe(403);

    const sergeant = await bearer(['supervisor'], 'sgt-sue');
    const before = new Date().toISOString();
    const decided = ok(await post(`/api/community-resolutions/${id}/supervisor-decision`, decision, sergeant));
    const after = new Date().toISOString();
    refused(await post(`/api/community-resolutions/${id}/supervisor-decision`, { ...decision, proceed: false }, sergeant), 'supervisor-already-decided');
    const view = (await get(`/api/community-resolutions/${id}`, { 'x-min-position': decided.position })).json();
    expect(view).toMatchObject({
      status: 'awaiting-remedies',
      supervisorDecision: { proceed: true, reason: 'Victim abroad; low value', supervisor: 'sgt-sue', typedByOfficer: false },
    });
    expect(view.supervisorDecision.decidedAt >= before && view.supervisorDecision.decidedAt <= after).toBe(true);
    ok(await post(`/api/community-resolutions/${id}/remedies`, mediation));
  });

  it('ends a resolution a supervisor does not approve: it takes no remedy, and the report counts it as not approved', async () => {
    const { id } = ok(await post('/api/community-resolutions', proposal({ crimeReference: '41/3004/26', victims: [{ name: 'Unwilling Victim', consulted: true, views: 'Wants a prosecution', consents: false }] })), 201);
    const refusal = ok(await post(`/api/community-resolutions/${id}/supervisor-decision`, { proceed: false, reason: 'The victim wants a prosecution' }, await bearer(['supervisor'], 'sgt-sue')));
    refused(await post(`/api/community-resolutions/${id}/remedies`, { type: 'mediation', chosenByVictim: false, dueDate: daysFromNow(14) }), 'resolution-not-approved');
    expect((await get(`/api/community-resolutions/${id}`, { 'x-min-position': refusal.position })).json()).toMatchObject({ status: 'not-approved', supervisorDecision: { proceed: false } });
    const report = (await get(`/api/reports/community-resolutions?from=${today()}&to=${today()}`)).json();
    expect(report.outcomes.notApproved).toBe(1);
  });

  it('names every precondition that fails, not only the first', async () => {
    const response = await post('/api/community-resolutions', proposal({ offenderAdmits: false, offenderAgrees: false, evidenceSufficient: false }));
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ rule: 'insufficient-evidence', rules: ['insufficient-evidence', 'no-admission', 'no-agreement'] });
    expect(response.json<{ detail: string }>().detail).toContain('The offender must agree');
  });

  it('an officer using another remedy than the victim chose must say why', async () => {
    const { id } = ok(await post('/api/community-resolutions', proposal({ crimeReference: '41/4004/26' })), 201);
    const override = { type: 'unpaid-community-work', chosenByVictim: false, victimChoice: 'financial-compensation', hours: 6, dueDate: daysFromNow(30) };
    refused(await post(`/api/community-resolutions/${id}/remedies`, override), 'override-reason-required');
    const { remedyId } = ok(await post(`/api/community-resolutions/${id}/remedies`, { ...override, overrideReason: 'Offender has no income' }));
    const failed = ok(await post(`/api/community-resolutions/${id}/remedies/${remedyId}/fail`, { reason: 'Stopped attending', hoursDone: 2.5 }));
    const resolution = (await get(`/api/community-resolutions/${id}`, { 'x-min-position': failed.position })).json();
    expect(resolution.remedies[0]).toMatchObject({ chosenByVictim: false, victimChoice: { id: 'financial-compensation' }, overrideReason: 'Offender has no income', hours: 6, hoursDone: 2.5 });
  });

  it('flags remedies past their due date and lists overdue resolutions', async () => {
    const { id, position: proposed } = ok(await post('/api/community-resolutions', proposal({ crimeReference: '41/5005/26' })), 201);
    // A remedy agreed weeks ago, as history would hold it: the API refuses due dates in the past.
    const store = harness.app.get<EventStore>(EVENT_STORE);
    const data = {
      resolutionId: id, remedyId: randomUUID(), subjectId: randomUUID(), remedyType: 'verbal-apology', chosenByVictim: false, victimChoice: null,
      overrideReason: null, details: null, dueDate: '2026-01-05', amount: null, hours: null, agreedAt: '2026-01-02T10:00:00.000Z',
    };
    const metadata = { actor: { sub: 'pc-olly', roles: ['resolution_officer'] }, correlationId: randomUUID(), causationId: randomUUID() };
    const { position } = await store.append(`resolution-${id}`, [{ id: randomUUID(), type: 'RemedyAgreed', schemaVersion: 1, data, metadata }], 0);
    expect(BigInt(proposed)).toBeLessThan(position);

    const resolution = (await get(`/api/community-resolutions/${id}`, { 'x-min-position': position.toString() })).json();
    expect(resolution).toMatchObject({ overdueRemedies: 1, remedies: [{ dueDate: '2026-01-05', overdue: true, status: 'open' }] });
    const overdue = (await get('/api/community-resolutions?overdue=true')).json();
    expect(overdue.items).toEqual([expect.objectContaining({ id, overdue: true, nextRemedyDue: '2026-01-05', openRemedies: 1, status: 'in-progress' })]);
    const notOverdue = (await get('/api/community-resolutions?overdue=false&limit=200')).json();
    expect(notOverdue.items.map((item: { id: string }) => item.id)).not.toContain(id);
  });

  it('answers bad input with 400 naming the fields, unknown cases and parts with 404, and checks roles', async () => {
    const empty = await post('/api/community-resolutions', {});
    expect(empty.statusCode).toBe(400);
    expect(fieldsOf(empty)).toEqual(new Set(['crimeReference', 'offenceType', 'offenceDate', 'offender', 'evidenceSufficient', 'offenderAdmits', 'offenderAgrees', 'victims', 'rationale']));
    const nested = await post('/api/community-resolutions', proposal({ offender: { name: '' , dateOfBirth: '1990-02-31' }, victims: [{ name: 'V', consulted: 'yes' }], surprise: 1 }));
    expect(fieldsOf(nested)).toEqual(new Set(['offender.name', 'offender.dateOfBirth', 'victims.0.consulted', 'victims.0.consents', 'surprise']));

    const { id, position } = ok(await post('/api/community-resolutions', proposal({ crimeReference: '41/6006/26' })), 201);
    const badRemedy = await post(`/api/community-resolutions/${id}/remedies`, { type: 'public-flogging', chosenByVictim: true, dueDate: 'soon', amount: 12.5 });
    expect(fieldsOf(badRemedy)).toEqual(new Set(['type', 'dueDate', 'amount']));
    expect(badRemedy.json().errors).toContainEqual({ field: 'amount', message: 'amount must be whole pence, e.g. 4599 for £45.99' });
    const offMenu = await post(`/api/community-resolutions/${id}/remedies`, { type: 'public-flogging', chosenByVictim: true, dueDate: daysFromNow(3) });
    expect(offMenu.json()).toMatchObject({ status: 400, errors: [{ field: 'type' }] });
    refused(await post(`/api/community-resolutions/${id}/remedies`, { type: 'mediation', chosenByVictim: true, dueDate: '2020-01-01' }), 'due-date-in-past');
    refused(await post(`/api/community-resolutions/${id}/remedies`, { type: 'mediation', chosenByVictim: true, hours: 3, dueDate: today() }), 'hours-only-for-community-work');
    refused(await post(`/api/community-resolutions/${id}/close`, {}), 'no-remedy-agreed');
    expect((await post(`/api/community-resolutions/${id}/victim-informed`, { about: 'gossip', channel: 'pigeon' })).json()).toMatchObject({ status: 400 });
    expect((await post(`/api/community-resolutions/${id}/close`, { outcome: 'complied' })).json()).toMatchObject({ status: 400, errors: [{ field: 'outcome' }] });

    expect((await post(`/api/community-resolutions/${randomUUID()}/close`, {})).statusCode).toBe(404);
    expect((await get(`/api/community-resolutions/${randomUUID()}`)).statusCode).toBe(404);
    expect((await get('/api/community-resolutions/not-a-uuid')).statusCode).toBe(404);
    expect((await post(`/api/community-resolutions/${id}/remedies/${randomUUID()}/complete`, { evidence: 'x' })).statusCode).toBe(404);
    expect((await post(`/api/community-resolutions/${id}/victim-informed`, { victimId: randomUUID(), about: 'agreement', channel: 'sms' })).statusCode).toBe(404);
    expect((await get('/api/community-resolutions?status=pending')).statusCode).toBe(400);

    expect((await harness.request({ method: 'GET', url: `/api/community-resolutions/${id}` })).statusCode).toBe(401);
    expect((await post('/api/community-resolutions', proposal(), auditor)).statusCode).toBe(403);
    expect((await post('/api/community-resolutions', proposal(), await bearer(['case_manager'], 'cm'))).statusCode).toBe(403);
    expect((await get(`/api/community-resolutions/${id}`, { authorization: await bearer(['crt_officer'], 'crt') })).statusCode).toBe(403);
    expect((await get(`/api/community-resolutions/${id}`, { authorization: auditor, 'x-min-position': position })).statusCode).toBe(200);
  });

  it('honours Idempotency-Key on a proposal and If-Match on a change', async () => {
    const key = randomUUID();
    const first = await harness.request({ method: 'POST', url: '/api/community-resolutions', payload: proposal({ crimeReference: '41/8008/26' }), headers: { authorization: officer, 'idempotency-key': key } });
    const again = await harness.request({ method: 'POST', url: '/api/community-resolutions', payload: proposal({ crimeReference: '41/8008/26' }), headers: { authorization: officer, 'idempotency-key': key } });
    expect(again.json()).toEqual(ok(first, 201));
    const { id, revision } = first.json();
    const remedy = { type: 'verbal-apology', chosenByVictim: true, dueDate: today() };
    const stale = await harness.request({ method: 'POST', url: `/api/community-resolutions/${id}/remedies`, payload: remedy, headers: { authorization: officer, 'if-match': `"${revision + 1}"` } });
    expect(stale.statusCode).toBe(412);
    const current = await harness.request({ method: 'POST', url: `/api/community-resolutions/${id}/remedies`, payload: remedy, headers: { authorization: officer, 'if-match': `"${revision}"` } });
    expect(ok(current).revision).toBe(revision + 1);
  });

  it('documents every route in the OpenAPI document', async () => {
    const paths = Object.keys((await harness.request({ method: 'GET', url: '/api/docs-json' })).json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/community-resolutions',
        '/api/community-resolutions/{id}',
        '/api/community-resolutions/{id}/remedies',
        '/api/community-resolutions/{id}/remedies/{remedyId}/complete',
        '/api/community-resolutions/{id}/remedies/{remedyId}/fail',
        '/api/community-resolutions/{id}/victim-informed',
        '/api/community-resolutions/{id}/close',
        '/api/community-resolutions/{id}/supervisor-decision',
        '/api/reports/community-resolutions',
      ]),
    );
  });

  it('reports by offence type and outcome, compliance, remedies, hours, compensation and victim consultation', async () => {
    const officerSupervisor = await bearer(['supervisor'], 'sgt-sue');
    const { id } = ok(await post('/api/community-resolutions', proposal({ crimeReference: '41/7007/26' }), officerSupervisor), 201);
    const work = ok(await post(`/api/community-resolutions/${id}/remedies`, { type: 'unpaid-community-work', chosenByVictim: true, hours: 8, dueDate: today() }, officerSupervisor));
    const timesheet = { evidence: 'Timesheet signed', hoursDone: 9 };
    refused(await post(`/api/community-resolutions/${id}/remedies/${work.remedyId}/complete`, timesheet, officerSupervisor), 'excess-hours-reason-required');
    const { position } = ok(await post(`/api/community-resolutions/${id}/remedies/${work.remedyId}/complete`, { ...timesheet, excessHoursReason: 'Stayed to finish the job' }, officerSupervisor));
    await get('/api/community-resolutions', { 'x-min-position': position });

    const response = await get(`/api/reports/community-resolutions?from=${daysFromNow(-1)}&to=${daysFromNow(1)}`, { authorization: auditor });
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.byOffenceTypeAndOutcome).toEqual(
      expect.arrayContaining([
        { offenceType: 'criminal-damage', outcome: 'complied', count: 1 },
        { offenceType: 'shop-theft', outcome: 'not-complied', count: 1 },
      ]),
    );
    expect(report).toMatchObject({ outcomes: { complied: 1, notComplied: 1 }, complianceRate: 0.5 });
    expect(report.compensation).toEqual({ agreed: 4599, paid: 0 });
    expect(report.communityWork).toEqual({ hoursAgreed: 14, hoursDone: 11.5 });
    expect(report.remedies).toMatchObject({ victimChoiceOverridden: 1 });
    expect(report.remedies.byType).toEqual(
      expect.arrayContaining([
        { type: 'unpaid-community-work', agreed: 2, chosenByVictim: 1, completed: 1, failed: 1 },
        { type: 'financial-compensation', agreed: 1, chosenByVictim: 1, completed: 0, failed: 1 },
        { type: 'written-apology', agreed: 1, chosenByVictim: 1, completed: 1, failed: 0 },
      ]),
    );
    expect(report.remedies.chosenByVictim + report.remedies.notChosenByVictim).toBe(report.remedies.agreed);
    expect(report.victims.resolutionsWithVictims).toBe(report.resolutions);
    expect(report.victims.withVictimConsulted).toBe(report.resolutions - 1);
    expect(report.victims.shareWithVictimConsulted).toBeCloseTo((report.resolutions - 1) / report.resolutions, 3);
    expect(JSON.stringify(report)).not.toContain('Vera');

    expect((await get('/api/reports/community-resolutions?from=2026-05-01&to=2026-04-01')).json()).toMatchObject({ status: 400, errors: [{ field: 'to' }] });
    expect((await get('/api/reports/community-resolutions?from=2026-05-01&to=2026-06-01', { authorization: await bearer(['case_manager'], 'cm') })).statusCode).toBe(403);
  });

  it('measures a remedy the way the configured menu says: an administrator adds a donation measured in pence', async () => {
    const admin = await bearer(['admin'], 'root');
    const added = await post('/api/admin/settings/lists/communityRemedies/entries', { id: 'donation-to-charity', label: 'Donation to a local charity', measure: 'amount' }, admin);
    expect(added.statusCode).toBe(200);
    expect((await post('/api/admin/settings/lists/declineReasons/entries', { id: 'x-y', label: 'X', measure: 'hours' }, admin)).statusCode).toBe(400);
    const { id } = ok(await post('/api/community-resolutions', proposal()), 201);
    refused(await post(`/api/community-resolutions/${id}/remedies`, { type: 'donation-to-charity', chosenByVictim: true, dueDate: daysFromNow(14) }), 'compensation-amount-required');
    const agreed = ok(await post(`/api/community-resolutions/${id}/remedies`, { type: 'donation-to-charity', chosenByVictim: true, dueDate: daysFromNow(14), amount: 2500 }));
    refused(await post(`/api/community-resolutions/${id}/remedies/${agreed.remedyId}/complete`, { evidence: 'Receipt', amountPaid: 1000 }), 'compensation-not-paid-in-full');
    ok(await post(`/api/community-resolutions/${id}/remedies/${agreed.remedyId}/complete`, { evidence: 'Receipt', amountPaid: 2500 }));
  });
});
