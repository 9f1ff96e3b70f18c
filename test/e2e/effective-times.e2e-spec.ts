import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, startTestApp, type TestApp } from '../support/test-app.ts';

const DAY = 24 * 3600 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const IN_AN_HOUR = () => new Date(Date.now() + 3600 * 1000).toISOString();

/** Each state change takes an optional effective time, refused in the future or before the step it follows, and stored as given. */
describe('effective times on the remaining state changes', () => {
  let harness: TestApp;
  let caseManager: string;
  let crtOfficer: string;
  let policeOfficer: string;
  let auditor: string;

  beforeAll(async () => {
    harness = await startTestApp();
    caseManager = await bearer(['case_manager'], 'cm-effective');
    crtOfficer = await bearer(['crt_officer'], 'crt-effective');
    policeOfficer = await bearer(['resolution_officer'], 'pc-effective');
    auditor = await bearer(['auditor'], 'aud-effective');
  });
  afterAll(() => harness.close());

  const post = async (authorization: string, url: string, payload: object) => {
    const response = await harness.request({ method: 'POST', url, payload, headers: { authorization } });
    return { status: response.statusCode, body: response.json() };
  };
  const lastEventData = async (id: string) => {
    const history = (await harness.request({ method: 'GET', url: `/api/audit/cases/${id}/events`, headers: { authorization: auditor } })).json();
    return { revisions: history.items.length, data: history.items.at(-1).data };
  };
  /** Refused in the future and before what it follows (409 naming each rule, nothing appended), then stored with its time; a case not yet made is `caseId: null`. */
  const datedStep = async (authorization: string, caseId: string | null, url: string, body: object, step: string, before: { at: string; rule: string }, field: string) => {
    const revisions = caseId && (await lastEventData(caseId)).revisions;
    expect(await post(authorization, url, { ...body, at: IN_AN_HOUR() })).toMatchObject({ status: 409, body: { rule: `${step}-in-future` } });
    expect(await post(authorization, url, { ...body, at: before.at })).toMatchObject({ status: 409, body: { rule: before.rule } });
    if (caseId) expect((await lastEventData(caseId)).revisions).toBe(revisions);
    const at = daysAgo(5);
    const accepted = await post(authorization, url, { ...body, at: at.replace('Z', '+00:00') });
    expect(accepted).toMatchObject({ status: caseId ? 200 : 201 });
    expect((await lastEventData(caseId ?? accepted.body.id)).data[field]).toBe(at);
    return accepted.body;
  };

  it('dates a referral\'s assignment, contact contract, service referral and its outcome, and statement statuses', async () => {
    const received = { source: 'self', crimeType: 'burglary', victim: { name: 'Effie Dated' }, consent: { contact: true, dataSharing: true, basis: 'explicit' }, receivedAt: daysAgo(10) };
    const { id } = (await post(caseManager, '/api/referrals', received)).body;
    const beforeReceipt = (step: string) => ({ at: daysAgo(11), rule: `${step}-before-receipt` });
    const url = `/api/referrals/${id}`;
    await datedStep(caseManager, id, `${url}/assign`, { caseManager: 'cm-effective' }, 'assigned', beforeReceipt('assigned'), 'assignedAt');
    await datedStep(caseManager, id, `${url}/contact-contract`, { frequency: 'weekly', channel: 'phone' }, 'agreed', beforeReceipt('agreed'), 'agreedAt');
    const made = await datedStep(caseManager, id, `${url}/service-referrals`, { service: 'idva' }, 'made', beforeReceipt('made'), 'madeAt');
    const outcome = `${url}/service-referrals/${made.serviceReferralId}/outcome`;
    await datedStep(caseManager, id, outcome, { outcome: 'accepted' }, 'outcome', { at: daysAgo(6), rule: 'outcome-before-service-referral' }, 'recordedAt');
    await datedStep(caseManager, id, `${url}/personal-statement`, { status: 'offered' }, 'recorded', beforeReceipt('recorded'), 'recordedAt');
    await datedStep(caseManager, id, `${url}/restorative-justice`, { status: 'information-given' }, 'recorded', beforeReceipt('recorded'), 'recordedAt');
  });

  it("dates the PCC's review decision, not before the review was requested", async () => {
    const incivility = { category: 'individual-behaviours', description: 'Impolite language', subject: { kind: 'force' } };
    const logged = { receivedAt: daysAgo(30), channel: 'email', complainant: { name: 'Rhys Reviewed' }, summary: 'Rude on the phone', subjects: [{ kind: 'force' }], wantsRecording: true };
    const { id } = (await post(crtOfficer, '/api/complaints', logged)).body;
    const steps: [string, object][] = [
      ['record', { reason: 'complainant-request', allegations: [incivility], at: daysAgo(29) }],
      ['refer', { to: 'psd', reason: 'Local investigation', at: daysAgo(28) }],
      ['outcome', { result: 'service-acceptable', decidedAt: daysAgo(20) }],
      ['outcome-notified', { at: daysAgo(19) }],
      ['review-request', { receivedAt: daysAgo(8) }],
    ];
    for (const [step, body] of steps) expect(await post(crtOfficer, `/api/complaints/${id}/${step}`, body)).toMatchObject({ status: 200 });
    await datedStep(crtOfficer, id, `/api/complaints/${id}/review-decision`, { upheld: false }, 'decided', { at: daysAgo(9), rule: 'decided-before-review-request' }, 'decidedAt');
  });

  it('dates a Community Resolution\'s proposal (not before the offence) and a remedy\'s agreement (not before the proposal)', async () => {
    const proposal = {
      crimeReference: '41/2002/26',
      offenceType: 'criminal-damage',
      offenceDate: daysAgo(7).slice(0, 10),
      offender: { name: 'Owen Dated', dateOfBirth: '1990-01-01' },
      evidenceSufficient: true,
      offenderAdmits: true,
      offenderAgrees: true,
      victims: [{ name: 'Val Dated', consulted: true, consents: true }],
      rationale: 'First offence, full admission',
    };
    const proposed = await datedStep(policeOfficer, null, '/api/community-resolutions', proposal, 'proposed', { at: daysAgo(9), rule: 'proposed-before-offence' }, 'proposedAt');
    const remedy = { type: 'written-apology', chosenByVictim: true, dueDate: new Date(Date.now() + 14 * DAY).toISOString().slice(0, 10) };
    await datedStep(policeOfficer, proposed.id, `/api/community-resolutions/${proposed.id}/remedies`, remedy, 'agreed', { at: daysAgo(6), rule: 'agreed-before-proposal' }, 'agreedAt');
  });
});
