import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, startTestApp, type TestApp, type TestResponse } from '../support/test-app.ts';

const DAY = 24 * 3600 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const londonDay = (instant: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(instant));

const complaint = (overrides: object = {}) => ({
  receivedAt: daysAgo(1),
  channel: 'email',
  complainant: { name: 'Chris Complainant', email: 'chris@example.org', phone: '07700 900555' },
  summary: 'The officer at the front desk was rude and dismissive',
  incidentDate: daysAgo(100).slice(0, 10),
  subjects: [{ kind: 'officer', identifier: 'PC 4321' }],
  ...overrides,
});
const incivility = { category: 'individual-behaviours', description: 'Impolite language and tone', subject: { kind: 'officer', identifier: 'PC 4321' } };

describe('complaints over HTTP (real app, real PostgreSQL)', () => {
  let harness: TestApp;
  let officer: string;
  let auditor: string;

  beforeAll(async () => {
    harness = await startTestApp();
    officer = await bearer(['crt_officer'], 'crt-olu');
    auditor = await bearer(['auditor'], 'aud-ada');
  });
  afterAll(() => harness.close());

  const post = (url: string, payload: object, authorization = officer) => harness.request({ method: 'POST', url, payload, headers: { authorization } });
  const get = (url: string, position?: string, authorization = officer) =>
    harness.request({ method: 'GET', url, headers: { authorization, ...(position ? { 'x-min-position': position } : {}) } });
  const ok = (response: TestResponse, status = 200) => {
    expect({ status: response.statusCode, body: response.json() }).toMatchObject({ status });
    return response.json<{ id: string; revision: number; position: string }>();
  };
  const refused = (response: TestResponse, rule: string) => {
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 409, rule });
    return response.json<{ detail: string }>();
  };
  const log = async (overrides: object = {}) => ok(await post('/api/complaints', complaint(overrides)), 201).id;

  it('an incivility complaint resolved outside Schedule 3 to the complainant’s satisfaction', async () => {
    const created = await post('/api/complaints', complaint());
    const { id } = ok(created, 201);
    expect(created.headers.location).toBe(`/api/complaints/${id}`);
    ok(await post(`/api/complaints/${id}/contact-complainant`, { at: new Date().toISOString(), channel: 'phone', views: 'Wants an apology' }));
    ok(await post(`/api/complaints/${id}/handle-outside-schedule-3`, { allegations: [incivility] }));
    const { position } = ok(await post(`/api/complaints/${id}/resolve`, { summary: 'Sergeant apologised on behalf of the officer', complainantSatisfied: true }));

    const page = await get(`/api/complaints/${id}`, position, auditor);
    expect(page.headers.etag).toBe('"4"');
    const view = page.json();
    expect(view).toMatchObject({
      stage: 'resolved',
      route: 'outside-schedule-3',
      reference: expect.stringMatching(/^CRT-[0-9A-F]{8}$/),
      allegations: [{ id: '1', category: { id: 'individual-behaviours', label: 'Individual behaviours' }, subject: { kind: 'officer', identifier: 'PC 4321' } }],
      resolution: { complainantSatisfied: true },
      contact: { workingDaysFromReceipt: expect.any(Number) },
      due: { contact: { metAt: expect.any(String), overdue: false }, nextUpdate: null, outcomeNotification: null },
      overdue: false,
      nextDue: null,
    });
    expect(view.timeline.map((entry: { type: string }) => entry.type)).toEqual(['ComplaintLogged', 'ComplainantContacted', 'HandlingOutsideSchedule3Started', 'AllegationAdded', 'ResolvedOutsideSchedule3']);

    const status = await get(`/api/complaints/${id}/status`, position);
    expect(status.json()).toMatchObject({ reference: view.reference, stage: 'resolved', mayAskForRecording: true, outcome: null, review: null, nextUpdateDue: null });
    for (const internal of ['PC 4321', 'apologised', 'Wants an apology', 'rude', 'crt-olu']) expect(status.body).not.toContain(internal);

    const themes = (await get('/api/complaints?route=outside-schedule-3&category=individual-behaviours&status=resolved', position)).json();
    expect(themes.items.map((item: { id: string }) => item.id)).toContain(id);
  });

  it('one resolved, found unsatisfactory, then recorded on the complainant’s request', async () => {
    const id = await log();
    refused(await post(`/api/complaints/${id}/record`, { reason: 'dissatisfied-with-initial-handling', allegations: [incivility] }), 'complainant-not-dissatisfied');
    ok(await post(`/api/complaints/${id}/handle-outside-schedule-3`, { allegations: [incivility] }));
    const resolved = ok(await post(`/api/complaints/${id}/resolve`, { summary: 'Explanation of the front-desk policy', complainantSatisfied: false }));
    expect((await get(`/api/complaints/${id}/status`, resolved.position)).json()).toMatchObject({ stage: 'resolved', mayAskForRecording: true });

    const { position } = ok(await post(`/api/complaints/${id}/record`, { reason: 'dissatisfied-with-initial-handling' }));
    const view = (await get(`/api/complaints/${id}`, position)).json();
    expect(view).toMatchObject({ stage: 'recorded', route: 'recorded', recording: { reason: 'dissatisfied-with-initial-handling' }, allegations: [{ id: '1' }] });
    expect(view.due.nextUpdate).toMatchObject({ dueBy: new Date(Date.now() + 28 * DAY).toISOString().slice(0, 10), overdue: false });
    expect(view.due.longRunningReport).toMatchObject({ reportsMade: 0, overdue: false });
    expect(view.due.contact).toMatchObject({ metAt: null, dueBy: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    refused(await post(`/api/complaints/${id}/record`, { reason: 'complainant-request' }), 'already-recorded');
    refused(await post(`/api/complaints/${id}/resolve`, { summary: 'again', complainantSatisfied: true }), 'not-handled-outside-schedule-3');
  });

  it('tells the complainant they may ask for recording at any time until it is recorded, as record then allows', async () => {
    const id = await log();
    const handling = ok(await post(`/api/complaints/${id}/handle-outside-schedule-3`, { allegations: [incivility] }));
    expect((await get(`/api/complaints/${id}/status`, handling.position)).json()).toMatchObject({ stage: 'being-resolved', mayAskForRecording: true });
    const recorded = ok(await post(`/api/complaints/${id}/record`, { reason: 'complainant-request' }));
    expect((await get(`/api/complaints/${id}/status`, recorded.position)).json()).toMatchObject({ stage: 'recorded', mayAskForRecording: false });
  });

  it('an alleged serious assault cannot be handled informally and must go to the IOPC', async () => {
    const id = await log({ summary: 'I was punched during my arrest' });
    const assault = { category: 'individual-behaviours', description: 'Punched in the face during arrest', subject: { kind: 'officer' }, criteria: { seriousAssault: true } };
    const informal = refused(await post(`/api/complaints/${id}/handle-outside-schedule-3`, { allegations: [assault] }), 'mandatory-recording-criterion');
    expect(informal.detail).toContain('seriousAssault');

    ok(await post(`/api/complaints/${id}/record`, { reason: 'mandatory-criteria', allegations: [assault] }));
    const psd = refused(await post(`/api/complaints/${id}/refer`, { to: 'psd', reason: 'Investigate' }), 'iopc-referral-mandatory');
    expect(psd.detail).toContain('seriousAssault');
    const { position } = ok(await post(`/api/complaints/${id}/refer`, { to: 'iopc', reason: 'Mandatory referral: serious assault' }));

    const view = (await get(`/api/complaints/${id}`, position)).json();
    expect(view).toMatchObject({ stage: 'referred-to-iopc', referral: { to: 'iopc' }, iopcReferralRequiredFor: ['seriousAssault'], reviewBody: { body: 'iopc' } });
    const awaiting = (await get('/api/complaints?status=referred-to-iopc', position)).json();
    expect(awaiting.items).toEqual([expect.objectContaining({ id, status: 'referred-to-iopc', route: 'recorded' })]);
  });

  it('a recorded complaint through outcome, notification and a review decided by the PCC', async () => {
    const id = await log({ wantsRecording: true, receivedAt: daysAgo(20) });
    refused(await post(`/api/complaints/${id}/handle-outside-schedule-3`, { allegations: [incivility] }), 'complainant-wants-recording');
    refused(await post(`/api/complaints/${id}/outcome`, { result: 'service-acceptable', decidedAt: daysAgo(1) }), 'not-recorded');
    // Recorded and referred weeks ago, typed in now: the outcome follows them, and nothing precedes the receipt.
    refused(await post(`/api/complaints/${id}/record`, { reason: 'complainant-request', allegations: [incivility], at: daysAgo(21) }), 'recorded-before-receipt');
    ok(await post(`/api/complaints/${id}/record`, { reason: 'complainant-request', allegations: [{ ...incivility, category: 'delivery-of-duties-and-service' }], at: daysAgo(19) }));
    refused(await post(`/api/complaints/${id}/outcome`, { result: 'service-acceptable', decidedAt: daysAgo(1) }), 'not-referred');
    ok(await post(`/api/complaints/${id}/refer`, { to: 'psd', reason: 'Local investigation', at: daysAgo(18) }));
    refused(await post(`/api/complaints/${id}/outcome`, { result: 'service-acceptable', decidedAt: daysAgo(19.5) }), 'decided-before-recording');
    ok(await post(`/api/complaints/${id}/progress-updates`, { at: daysAgo(2), channel: 'email', summary: 'Statements being taken' }));
    const outcomeDecided = ok(await post(`/api/complaints/${id}/outcome`, { result: 'service-not-acceptable', learning: 'Front-desk training', decidedAt: daysAgo(1) }));
    // The complainant hears the outcome from the team first, not from their status page.
    expect((await get(`/api/complaints/${id}/status`, outcomeDecided.position)).json()).toMatchObject({ stage: 'being-investigated', outcome: null });
    refused(await post(`/api/complaints/${id}/review-request`, { receivedAt: new Date().toISOString() }), 'outcome-not-notified');
    const notified = ok(await post(`/api/complaints/${id}/outcome-notified`, { at: new Date().toISOString() }));

    const beforeReview = (await get(`/api/complaints/${id}`, notified.position)).json();
    expect(beforeReview).toMatchObject({ stage: 'outcome-notified', outcome: { result: 'service-not-acceptable', notifiedInTime: true }, due: { outcomeNotification: { overdue: false, metAt: expect.any(String) } } });
    expect(beforeReview.due.reviewWindow).toMatchObject({ open: true, opens: expect.any(String), closes: expect.any(String) });
    expect((await get(`/api/complaints/${id}/status`, notified.position)).json()).toMatchObject({ stage: 'outcome-decided', outcome: { result: 'service-not-acceptable' }, review: { body: 'pcc', mayApply: true, applyBy: beforeReview.due.reviewWindow.closes } });

    ok(await post(`/api/complaints/${id}/review-request`, { receivedAt: new Date().toISOString() }));
    const decided = ok(await post(`/api/complaints/${id}/review-decision`, { upheld: true, recommendations: 'Reconsider the finding on the second allegation' }));
    refused(await post(`/api/complaints/${id}/review-decision`, { upheld: false }), 'review-already-decided');
    expect((await get(`/api/complaints/${id}`, decided.position)).json()).toMatchObject({ stage: 'review-decided', review: { body: 'pcc', decision: { upheld: true } } });
    const status = await get(`/api/complaints/${id}/status`, decided.position);
    expect(status.json()).toMatchObject({ stage: 'review-decided', review: { body: 'pcc', upheld: true, mayApply: false } });
    expect(status.body).not.toContain('Front-desk training');
  });

  it('a late review request is refused, and the IOPC decides reviews where it is the review body', async () => {
    const id = await log({ receivedAt: daysAgo(90) });
    ok(await post(`/api/complaints/${id}/record`, { reason: 'complainant-request', allegations: [{ ...incivility, criteria: { criminalOrDisciplinary: true } }], at: daysAgo(89) }));
    ok(await post(`/api/complaints/${id}/refer`, { to: 'psd', reason: 'Local investigation', at: daysAgo(88) }));
    ok(await post(`/api/complaints/${id}/outcome`, { result: 'unable-to-determine', decidedAt: daysAgo(40) }));
    const notified = ok(await post(`/api/complaints/${id}/outcome-notified`, { at: daysAgo(39) }));
    const { reviewWindow } = (await get(`/api/complaints/${id}`, notified.position)).json().due;
    expect(reviewWindow).toMatchObject({ open: false });
    const late = refused(await post(`/api/complaints/${id}/review-request`, { receivedAt: new Date().toISOString() }), 'review-window-closed');
    expect(late.detail).toContain(reviewWindow.closes);

    const { position } = ok(await post(`/api/complaints/${id}/review-request`, { receivedAt: daysAgo(20) }));
    refused(await post(`/api/complaints/${id}/review-decision`, { upheld: false }), 'review-body-is-iopc');
    expect((await get(`/api/complaints/${id}`, position)).json()).toMatchObject({ outcome: { notifiedInTime: true }, review: { body: 'iopc', iopcReasons: ['criminal-or-disciplinary'] } });
  });

  it("records the IOPC's decision on a review it carried out: the case, the complainant's status and the report show it decided", async () => {
    const receivedAt = daysAgo(120);
    const id = await log({ receivedAt, incidentDate: daysAgo(130).slice(0, 10) });
    ok(await post(`/api/complaints/${id}/record`, { reason: 'complainant-request', allegations: [incivility], at: daysAgo(100) }));
    ok(await post(`/api/complaints/${id}/refer`, { to: 'iopc', reason: 'Referred at the complainant’s insistence', at: daysAgo(90) }));
    ok(await post(`/api/complaints/${id}/outcome`, { result: 'service-acceptable', decidedAt: daysAgo(60) }));
    ok(await post(`/api/complaints/${id}/outcome-notified`, { at: daysAgo(59) }));
    ok(await post(`/api/complaints/${id}/review-request`, { receivedAt: daysAgo(50) }));
    refused(await post(`/api/complaints/${id}/iopc-review-decision`, { upheld: true, receivedAt: daysAgo(51) }), 'decision-before-review-request');

    const decidedAt = daysAgo(10);
    const decided = ok(await post(`/api/complaints/${id}/iopc-review-decision`, { upheld: true, recommendations: 'Explain the decision again', receivedAt: decidedAt }));
    refused(await post(`/api/complaints/${id}/iopc-review-decision`, { upheld: false, receivedAt: daysAgo(5) }), 'review-already-decided');

    expect((await get(`/api/complaints/${id}`, decided.position)).json()).toMatchObject({
      stage: 'review-decided',
      review: { body: 'iopc', decision: { upheld: true, recommendations: 'Explain the decision again', at: decidedAt } },
    });
    expect((await get(`/api/complaints/${id}/status`, decided.position)).json()).toMatchObject({
      stage: 'review-decided',
      review: { body: 'iopc', upheld: true, decidedOn: londonDay(decidedAt) },
    });
    const day = londonDay(receivedAt);
    const report = (await get(`/api/reports/complaints?from=${day}&to=${day}`, decided.position, auditor)).json();
    expect(report.reviews).toContainEqual({ body: 'iopc', received: 1, decided: 1, upheld: 1 });
  });

  it('refuses bad input with every failing field named', async () => {
    const empty = await post('/api/complaints', {});
    expect(empty.statusCode).toBe(400);
    const fields = new Set(empty.json().errors.map((error: { field: string }) => error.field));
    for (const field of ['receivedAt', 'channel', 'complainant', 'summary', 'subjects']) expect(fields).toContain(field);

    const nested = await post('/api/complaints', complaint({ complainant: { name: '', email: 'not-an-email' }, subjects: [{ kind: 'mayor' }], extra: 1 }));
    expect(nested.statusCode).toBe(400);
    const nestedFields = nested.json().errors.map((error: { field: string }) => error.field);
    expect(nestedFields).toEqual(expect.arrayContaining(['complainant.name', 'complainant.email', 'subjects.0.kind', 'extra']));
    expect(nested.body).not.toContain('not-an-email');

    const id = await log();
    const unknownCategory = await post(`/api/complaints/${id}/handle-outside-schedule-3`, { allegations: [incivility, { ...incivility, category: 'rudeness' }] });
    expect(unknownCategory.json()).toMatchObject({ status: 400, errors: [{ field: 'allegations.1.category' }] });
    expect((await post(`/api/complaints/${id}/handle-outside-schedule-3`, { allegations: [] })).json()).toMatchObject({ status: 400, errors: [{ field: 'allegations' }] });
    expect((await post(`/api/complaints/${id}/refer`, { to: 'cps', reason: 'x' })).json()).toMatchObject({ status: 400, errors: [{ field: 'to' }] });
    expect((await post(`/api/complaints/${id}/outcome`, { result: 'fine', decidedAt: 'yesterday' })).json().errors.map((error: { field: string }) => error.field).sort()).toEqual(['decidedAt', 'result']);
    expect((await get('/api/complaints?overdue=maybe')).json()).toMatchObject({ status: 400, errors: [{ field: 'overdue' }] });
    refused(await post('/api/complaints', complaint({ receivedAt: new Date(Date.now() + DAY).toISOString() })), 'received-in-future');
  });

  it('answers 404 for unknown complaints, 401 without a token and 403 for other roles', async () => {
    const unknown = crypto.randomUUID();
    expect((await get(`/api/complaints/${unknown}`)).statusCode).toBe(404);
    expect((await get(`/api/complaints/${unknown}/status`)).statusCode).toBe(404);
    expect((await get('/api/complaints/not-a-uuid')).statusCode).toBe(404);
    expect((await post(`/api/complaints/${unknown}/withdraw`, { reason: 'x' })).statusCode).toBe(404);
    expect((await harness.request({ method: 'GET', url: '/api/complaints' })).statusCode).toBe(401);
    const caseManager = await bearer(['case_manager'], 'cm-cat');
    expect((await post('/api/complaints', complaint(), caseManager)).statusCode).toBe(403);
    expect((await get('/api/complaints', undefined, caseManager)).statusCode).toBe(403);
    expect((await post('/api/complaints', complaint(), auditor)).statusCode).toBe(403);
    const supervisor = await bearer(['supervisor'], 'sup-sue');
    expect((await post('/api/complaints', complaint(), supervisor)).statusCode).toBe(201);
  });

  it('refuses changes to a withdrawn complaint, and changes out of order', async () => {
    const id = await log();
    refused(await post(`/api/complaints/${id}/resolve`, { summary: 'x', complainantSatisfied: true }), 'not-handled-outside-schedule-3');
    refused(await post(`/api/complaints/${id}/progress-updates`, { at: new Date().toISOString(), channel: 'phone', summary: 'x' }), 'handling-not-started');
    refused(await post(`/api/complaints/${id}/refer`, { to: 'psd', reason: 'x' }), 'not-recorded');
    refused(await post(`/api/complaints/${id}/outcome-notified`, { at: new Date().toISOString() }), 'outcome-not-decided');
    refused(await post(`/api/complaints/${id}/contact-complainant`, { at: daysAgo(5), channel: 'phone', views: 'x' }), 'contact-before-receipt');
    ok(await post(`/api/complaints/${id}/withdraw`, { reason: 'Complainant no longer wishes to proceed' }));
    refused(await post(`/api/complaints/${id}/record`, { reason: 'complainant-request', allegations: [incivility] }), 'complaint-withdrawn');
  });

  it('lists what is due first, overdue first of all, page by page, and finds by reference or name', async () => {
    const overdue = await log({ receivedAt: daysAgo(30), complainant: { name: 'Olive Overdue' } });
    const fresh = await log({ complainant: { name: 'Fred Fresh' } });
    const done = await log({ complainant: { name: 'Dora Done' } });
    ok(await post(`/api/complaints/${done}/handle-outside-schedule-3`, { allegations: [incivility] }));
    const { position } = ok(await post(`/api/complaints/${done}/resolve`, { summary: 'Sorted', complainantSatisfied: true }));

    const overdueOnly = (await get('/api/complaints?overdue=true', position)).json();
    expect(overdueOnly.items.map((item: { id: string }) => item.id)).toContain(overdue);
    expect(overdueOnly.items.every((item: { overdue: boolean }) => item.overdue)).toBe(true);
    const notOverdue = (await get('/api/complaints?overdue=false&limit=200', position)).json();
    expect(notOverdue.items.map((item: { id: string }) => item.id)).toEqual(expect.arrayContaining([fresh, done]));
    expect(notOverdue.items.some((item: { overdue: boolean }) => item.overdue)).toBe(false);

    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (await get(`/api/complaints?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
      ids.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.indexOf(overdue)).toBeLessThan(ids.indexOf(fresh));
    expect(ids.indexOf(fresh)).toBeLessThan(ids.indexOf(done));

    const byName = (await get('/api/complaints?q=olive')).json();
    expect(byName.items).toEqual([expect.objectContaining({ id: overdue, complainantName: 'Olive Overdue', overdue: true })]);
    const { reference } = (await get(`/api/complaints/${fresh}`)).json();
    expect((await get(`/api/complaints?q=${reference.toLowerCase()}`)).json().items).toEqual([expect.objectContaining({ id: fresh, reference })]);
  });

  it('a supervisor accepts a review request after the 28 days for an exceptional reason; a request in time needs none', async () => {
    const id = await log({ receivedAt: daysAgo(90) });
    ok(await post(`/api/complaints/${id}/record`, { reason: 'complainant-request', allegations: [incivility], at: daysAgo(89) }));
    ok(await post(`/api/complaints/${id}/refer`, { to: 'psd', reason: 'Local investigation', at: daysAgo(88) }));
    ok(await post(`/api/complaints/${id}/outcome`, { result: 'unable-to-determine', decidedAt: daysAgo(40) }));
    ok(await post(`/api/complaints/${id}/outcome-notified`, { at: daysAgo(39) }));
    const supervisor = await bearer(['supervisor'], 'sup-sam');
    const late = { receivedAt: daysAgo(1), reason: 'In hospital throughout the review window' };
    expect((await post(`/api/complaints/${id}/late-review-request`, late)).statusCode).toBe(403);
    expect((await post(`/api/complaints/${id}/late-review-request`, { ...late, reason: ' ' }, supervisor)).json()).toMatchObject({ status: 400, errors: [{ field: 'reason' }] });
    refused(await post(`/api/complaints/${id}/late-review-request`, { ...late, receivedAt: daysAgo(20) }, supervisor), 'review-request-in-time');
    const { position } = ok(await post(`/api/complaints/${id}/late-review-request`, late, supervisor));
    const view = (await get(`/api/complaints/${id}`, position)).json();
    expect(view).toMatchObject({ stage: 'review-requested', lateReviewAcceptance: { reason: late.reason, supervisor: 'sup-sam' } });
    expect(view.timeline.at(-2)).toMatchObject({ type: 'LateReviewRequestAccepted', summary: 'Review request accepted after the 28 days by sup-sam' });
    refused(await post(`/api/complaints/${id}/late-review-request`, late, supervisor), 'review-already-requested');
  });

  it('discontinues a complaint repeating an earlier one, which must exist and come first', async () => {
    const earlier = await log({ receivedAt: daysAgo(30) });
    const repeat = await log();
    const unknown = await post(`/api/complaints/${repeat}/discontinue-repetitive`, { earlierComplaintId: '0b5f3c1e-7d1a-4c1e-9d7e-3f1f4b0c2a11', reason: 'Same as before' });
    expect(unknown.json()).toMatchObject({ status: 400, errors: [{ field: 'earlierComplaintId' }] });
    refused(await post(`/api/complaints/${repeat}/discontinue-repetitive`, { earlierComplaintId: repeat, reason: 'Same' }), 'repetitive-of-itself');
    refused(await post(`/api/complaints/${earlier}/discontinue-repetitive`, { earlierComplaintId: repeat, reason: 'Same' }), 'repetitive-of-later-complaint');
    const { position } = ok(await post(`/api/complaints/${repeat}/discontinue-repetitive`, { earlierComplaintId: earlier, reason: 'No fresh evidence since the first' }));
    expect((await get(`/api/complaints/${repeat}`, position)).json()).toMatchObject({ stage: 'discontinued-repetitive', withdrawal: { repetitiveOf: earlier }, nextDue: null });
    expect((await get(`/api/complaints/${repeat}/status`)).json()).toMatchObject({ stage: 'discontinued' });
    expect((await get('/api/complaints?status=discontinued-repetitive', position)).json().items).toEqual([expect.objectContaining({ id: repeat })]);
    refused(await post(`/api/complaints/${repeat}/contact-complainant`, { at: new Date().toISOString(), channel: 'phone', views: 'x' }), 'complaint-withdrawn');
  });
});
