import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { bearer, startTestApp, type TestApp, type TestResponse } from '../support/test-app.ts';

const VICTIM = { name: 'Corin Rectable', dateOfBirth: '1985-06-01', phone: '07700 900321', email: 'corin@example.org' };

describe('corrections and consent: wrong details put right, consent withdrawn and given, as events with who, when and why', () => {
  let harness: TestApp;
  let caseManager: string;
  let admin: string;

  beforeAll(async () => {
    harness = await startTestApp();
    [caseManager, admin] = await Promise.all([bearer(['case_manager'], 'cm-cory'), bearer(['admin'], 'root')]);
  });
  afterAll(() => harness.close());

  let lastPosition = '0';
  const request = async (method: 'GET' | 'POST', url: string, authorization: string, payload?: object) => {
    const response = await harness.request({ method, url, payload, headers: { authorization, 'x-min-position': lastPosition } });
    if (method === 'POST' && response.statusCode < 300) lastPosition = response.json().position ?? lastPosition;
    return response;
  };
  const ok = (response: TestResponse, status = 200) => {
    expect({ status: response.statusCode, body: response.json() }).toMatchObject({ status, body: {} });
    return response.json();
  };
  const eventCount = async () => (await harness.sql('SELECT count(*)::int AS n FROM events'))[0].n as number;
  /** Sends commands that must be refused, and checks that they appended nothing. */
  const appendingNothing = async (refused: () => Promise<void>) => {
    const before = await eventCount();
    await refused();
    expect(await eventCount()).toBe(before);
  };
  const newReferral = async () => ok(await request('POST', '/api/referrals', caseManager, { source: 'self', crimeType: 'burglary', victim: VICTIM, consent: { contact: true, dataSharing: true, basis: 'implied' } }), 201).id as string;

  it("corrects a victim's details: the page shows the new ones, lists the correction with its reason, and the history keeps both, sealed", async () => {
    const id = await newReferral();
    ok(await request('POST', `/api/referrals/${id}/victim/correction`, caseManager, { name: 'Corin Rectable-Jones', phone: '07700 900654', email: null, reason: 'Married; new phone' }));
    const view = ok(await request('GET', `/api/referrals/${id}`, caseManager));
    expect(view.victim).toMatchObject({ name: 'Corin Rectable-Jones', phone: '07700 900654', email: null, dateOfBirth: VICTIM.dateOfBirth });
    expect(view.corrections).toEqual([{ of: 'victim', fields: ['email', 'name', 'phone'], reason: 'Married; new phone', at: expect.any(String) }]);
    expect(view.timeline.at(-1)).toMatchObject({ type: 'VictimDetailsCorrected', by: 'cm-cory' });
    const stored = (await harness.sql('SELECT data::text AS data FROM events WHERE stream = $1', [`referral-${id}`])).map((row) => row.data).join('\n');
    for (const value of ['Corin', '07700 900654', '07700 900321', 'Married']) expect(stored).not.toContain(value);
    const history = ok(await request('GET', `/api/audit/cases/${id}/events`, await bearer(['auditor'], 'aud-ada'))).items;
    expect(history.map((event: { data: object }) => event.data)).toEqual([expect.objectContaining({ victim: expect.objectContaining({ phone: VICTIM.phone }) }), expect.objectContaining({ corrected: expect.objectContaining({ phone: '07700 900654' }) })]);

    const { items } = ok(await request('GET', '/api/admin/people?q=07700900654', admin));
    expect(items.map((item: { cases: { caseId: string }[] }) => item.cases[0]!.caseId)).toEqual([id]);
    expect(ok(await request('GET', '/api/admin/people?q=07700900321', admin)).items).toEqual([]);
  });

  it('refuses a correction that changes nothing, or one it cannot read, appending nothing', async () => {
    const id = await newReferral();
    await appendingNothing(async () => {
      expect(ok(await request('POST', `/api/referrals/${id}/victim/correction`, caseManager, { phone: VICTIM.phone, reason: 'Same' }), 409)).toMatchObject({ rule: 'correction-changes-nothing' });
      expect(ok(await request('POST', `/api/referrals/${id}/crime/correction`, caseManager, { crimeType: 'burglary', reason: 'Same' }), 409)).toMatchObject({ rule: 'correction-changes-nothing' });
      expect(ok(await request('POST', `/api/referrals/${id}/victim/correction`, caseManager, { email: 'not-an-email', reason: 'Typo' }), 400).errors).toEqual([expect.objectContaining({ field: 'email' })]);
      expect(ok(await request('POST', `/api/referrals/${id}/crime/correction`, caseManager, { crimeType: 'piracy', reason: 'Typo' }), 400).errors).toEqual([expect.objectContaining({ field: 'crimeType' })]);
      expect((await request('POST', `/api/referrals/${id}/victim/correction`, admin, { phone: '07700 900000', reason: 'Not mine to do' })).statusCode).toBe(403);
    });
  });

  it('corrects the crime type and reference: the proposed priority groups and the enhanced clock follow', async () => {
    const id = await newReferral();
    expect(ok(await request('GET', `/api/referrals/${id}`, caseManager))).toMatchObject({ enhanced: false, proposedPriorityGroups: [] });
    ok(await request('POST', `/api/referrals/${id}/crime/correction`, caseManager, { crimeType: 'stalking', crimeReference: '41/5555/26', reason: 'Typed from the wrong report' }));
    const view = ok(await request('GET', `/api/referrals/${id}`, caseManager));
    expect(view).toMatchObject({ enhanced: true, proposedPriorityGroups: ['persistently-targeted'], crimeType: { id: 'stalking' }, crimeReference: '41/5555/26' });
    expect(view.corrections).toEqual([expect.objectContaining({ of: 'crime', fields: ['crimeReference', 'crimeTypeId'], reason: 'Typed from the wrong report' })]);
  });

  it('stops the contact clock and its overdue flag while consent to contact is withdrawn, and restarts it when given again', async () => {
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    const { id } = ok(await request('POST', '/api/referrals', caseManager, { source: 'self', crimeType: 'burglary', victim: VICTIM, consent: { contact: true, dataSharing: true, basis: 'implied' }, receivedAt: daysAgo(20) }), 201);
    ok(await request('POST', `/api/referrals/${id}/contacts`, caseManager, { outcome: 'made', channel: 'phone', at: daysAgo(10) }));
    ok(await request('POST', `/api/referrals/${id}/contact-contract`, caseManager, { frequency: 'weekly', channel: 'phone' }));
    const overdue = async () => (ok(await request('GET', '/api/referrals?overdue=true&limit=100', caseManager)).items as { id: string }[]).some((item) => item.id === id);
    expect(ok(await request('GET', `/api/referrals/${id}`, caseManager)).contact.overdue).toBe(true);
    expect(await overdue()).toBe(true);

    ok(await request('POST', `/api/referrals/${id}/consent/withdraw`, caseManager, { consent: 'contact', reason: 'Asked for a break from calls' }));
    const paused = ok(await request('GET', `/api/referrals/${id}`, caseManager));
    expect(paused).toMatchObject({ consent: { contact: false }, contact: { nextDue: null, overdue: false }, consentChanges: [{ consent: 'contact', given: false, reason: 'Asked for a break from calls' }] });
    expect(await overdue()).toBe(false);
    await appendingNothing(async () => {
      expect(ok(await request('POST', `/api/referrals/${id}/consent/withdraw`, caseManager, { consent: 'contact', reason: 'again' }), 409)).toMatchObject({ rule: 'consent-already-withdrawn' });
      expect(ok(await request('POST', `/api/referrals/${id}/contacts`, caseManager, { outcome: 'made', channel: 'phone', at: daysAgo(0.01) }), 409)).toMatchObject({ rule: 'no-consent-to-contact' });
      expect((await request('POST', `/api/referrals/${id}/consent/pause`, caseManager, { consent: 'contact', reason: 'x' })).statusCode).toBe(404);
    });

    ok(await request('POST', `/api/referrals/${id}/consent/give`, caseManager, { consent: 'contact', reason: 'Happy to talk again' }));
    const resumed = ok(await request('GET', `/api/referrals/${id}`, caseManager));
    expect(resumed).toMatchObject({ consent: { contact: true }, contact: { overdue: false } });
    expect(Date.parse(resumed.contact.nextDue)).toBeGreaterThan(Date.now() + 6 * 86_400_000);
  });

  it('blocks new service referrals once consent to share is withdrawn, naming the rule', async () => {
    const id = await newReferral();
    ok(await request('POST', `/api/referrals/${id}/consent/withdraw`, caseManager, { consent: 'dataSharing', reason: 'Does not want details passed on' }));
    expect(ok(await request('POST', `/api/referrals/${id}/service-referrals`, caseManager, { service: 'idva' }), 409)).toMatchObject({ rule: 'no-consent-to-share' });
    ok(await request('POST', `/api/referrals/${id}/consent/give`, caseManager, { consent: 'dataSharing', reason: 'Changed her mind' }));
    ok(await request('POST', `/api/referrals/${id}/service-referrals`, caseManager, { service: 'idva' }));
  });

  it("corrects a complainant's details the same way, and matching follows the new ones", async () => {
    const crt = await bearer(['crt_officer'], 'crt-cal');
    const complainant = { name: 'Cass Plainant', email: 'cass@example.org' };
    const { id } = ok(await request('POST', '/api/complaints', crt, { receivedAt: new Date().toISOString(), channel: 'email', complainant, summary: 'No reply', subjects: [{ kind: 'force' }] }), 201);
    ok(await request('POST', `/api/complaints/${id}/complainant/correction`, crt, { email: 'cass.new@example.org', phone: '07700 900888', reason: 'New email address' }));
    const view = ok(await request('GET', `/api/complaints/${id}`, crt));
    expect(view.complainant).toMatchObject({ name: complainant.name, email: 'cass.new@example.org', phone: '07700 900888' });
    expect(view.corrections).toEqual([{ of: 'complainant', fields: ['email', 'phone'], reason: 'New email address', at: expect.any(String) }]);
    await appendingNothing(async () => {
      expect(ok(await request('POST', `/api/complaints/${id}/complainant/correction`, crt, { email: 'cass.new@example.org', reason: 'again' }), 409)).toMatchObject({ rule: 'correction-changes-nothing' });
      expect((await request('POST', `/api/complaints/${id}/complainant/correction`, caseManager, { email: 'x@example.org', reason: 'not mine' })).statusCode).toBe(403);
    });
    ok(await request('POST', `/api/complaints/${id}/handle-outside-schedule-3`, crt, { allegations: [{ category: 'individual-behaviours', description: 'Ignored my emails', subject: { kind: 'force' }, criteria: {} }] }));
    const allegationId = ok(await request('GET', `/api/complaints/${id}`, crt)).allegations[0].id;
    ok(await request('POST', `/api/complaints/${id}/allegations/${allegationId}/correction`, crt, { category: 'handling-of-property', reason: 'Filed under the wrong category' }));
    const recategorised = ok(await request('GET', `/api/complaints/${id}`, crt));
    expect(recategorised.allegations[0].category.id).toBe('handling-of-property');
    expect(recategorised.corrections.at(-1)).toMatchObject({ of: allegationId, fields: ['category'], reason: 'Filed under the wrong category' });
    await appendingNothing(async () => {
      expect(ok(await request('POST', `/api/complaints/${id}/allegations/${allegationId}/correction`, crt, { category: 'handling-of-property', reason: 'again' }), 409)).toMatchObject({ rule: 'correction-changes-nothing' });
      expect((await request('POST', `/api/complaints/${id}/allegations/${randomUUID()}/correction`, crt, { category: 'handling-of-property', reason: 'x' })).statusCode).toBe(404);
    });

    const subjectCorrection = `/api/complaints/${id}/allegations/${allegationId}/subject/correction`;
    ok(await request('POST', subjectCorrection, crt, { kind: 'officer', identifier: 'PC 4127', reason: 'It was one officer, not the force' }));
    const resubjected = ok(await request('GET', `/api/complaints/${id}`, crt));
    expect(resubjected.allegations[0].subject).toEqual({ kind: 'officer', identifier: 'PC 4127' });
    expect(resubjected.corrections.at(-1)).toMatchObject({ of: allegationId, fields: ['subject.identifier', 'subject.kind'], reason: 'It was one officer, not the force' });
    await appendingNothing(async () => {
      expect(ok(await request('POST', subjectCorrection, crt, { identifier: 'PC 4127', reason: 'again' }), 409)).toMatchObject({ rule: 'correction-changes-nothing' });
      expect((await request('POST', `/api/complaints/${id}/allegations/${randomUUID()}/subject/correction`, crt, { kind: 'staff', reason: 'x' })).statusCode).toBe(404);
      expect((await request('POST', subjectCorrection, crt, { kind: 'inspector', reason: 'x' })).statusCode).toBe(400);
    });
    expect(resubjected.timeline.map((entry: { summary: string }) => entry.summary)).toContain("Allegation's subject corrected (officer)");
    expect(ok(await request('GET', '/api/admin/people?q=cass.new@example.org', admin)).items).toEqual([expect.objectContaining({ matchedOn: ['email'], cases: [expect.objectContaining({ caseId: id, role: 'complainant' })] })]);
  });

  it("corrects a resolution's offence to another on the configured list, with the reason", async () => {
    const officer = await bearer(['resolution_officer'], 'pc-res');
    const { id } = ok(
      await request('POST', '/api/community-resolutions', officer, {
        crimeReference: '41/7777/26',
        offenceType: 'criminal-damage',
        offenceDate: new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10),
        offender: { name: 'Owen Fender', dateOfBirth: '1996-11-02' },
        evidenceSufficient: true,
        offenderAdmits: true,
        offenderAgrees: true,
        victims: [],
        flags: { domesticAbuse: false, intimatePartner: false, hateCrime: false },
        rationale: 'First offence, admitted',
      }),
      201,
    );
    ok(await request('POST', `/api/community-resolutions/${id}/offence/correction`, officer, { offenceType: 'theft-low-value', reason: 'Recorded as damage by mistake' }));
    const view = ok(await request('GET', `/api/community-resolutions/${id}`, officer));
    expect(view).toMatchObject({ offenceType: { id: 'theft-low-value' }, corrections: [{ of: 'offence', fields: ['offenceTypeId'], reason: 'Recorded as damage by mistake' }] });
    await appendingNothing(async () => {
      expect(ok(await request('POST', `/api/community-resolutions/${id}/offence/correction`, officer, { offenceType: 'theft-low-value', reason: 'again' }), 409)).toMatchObject({ rule: 'correction-changes-nothing' });
      expect(ok(await request('POST', `/api/community-resolutions/${id}/offence/correction`, officer, { offenceType: 'murder', reason: 'no' }), 409)).toMatchObject({ rule: 'offence-not-eligible' });
    });

    const { offender } = ok(await request('GET', `/api/community-resolutions/${id}`, officer));
    ok(await request('POST', `/api/community-resolutions/${id}/people/${offender.subjectId}/correction`, officer, { name: 'Owen Fenderson', reason: 'Surname misspelt' }));
    const corrected = ok(await request('GET', `/api/community-resolutions/${id}`, officer));
    expect(corrected.offender.name).toBe('Owen Fenderson');
    expect(corrected.corrections.at(-1)).toMatchObject({ of: offender.subjectId, fields: ['name'], reason: 'Surname misspelt' });
    await appendingNothing(async () => {
      expect(ok(await request('POST', `/api/community-resolutions/${id}/people/${offender.subjectId}/correction`, officer, { contact: '07700 900002', reason: 'x' }), 409)).toMatchObject({ rule: 'contact-not-held' });
      expect((await request('POST', `/api/community-resolutions/${id}/people/${randomUUID()}/correction`, officer, { name: 'Nobody', reason: 'x' })).statusCode).toBe(404);
    });
  });
});
