import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, startTestApp, type TestApp } from '../support/test-app.ts';

const DAY = 24 * 3600 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const today = () => daysAgo(0).slice(0, 10);
/** A Community Resolution any officer would propose for a first, admitted offence. */
const resolutionProposal = (crimeReference: string, offender: object, victim: object) => ({
  crimeReference,
  offenceType: 'criminal-damage',
  offenceDate: daysAgo(3).slice(0, 10),
  offender,
  evidenceSufficient: true,
  offenderAdmits: true,
  offenderAgrees: true,
  victims: [victim],
  rationale: 'First offence, full admission',
});

/** UK GDPR Art. 18: a case holding a restricted data subject stops processing and leaves every list but the auditors'. */
describe('processing restricted: commands refused, lists without the case, totals still counting it', () => {
  let harness: TestApp;
  let caseManager: string;
  let crtOfficer: string;
  let policeOfficer: string;
  let auditor: string;
  let admin: string;

  beforeAll(async () => {
    harness = await startTestApp();
    caseManager = await bearer(['case_manager'], 'cm-art18');
    crtOfficer = await bearer(['crt_officer'], 'crt-art18');
    policeOfficer = await bearer(['resolution_officer'], 'pc-art18');
    auditor = await bearer(['auditor'], 'aud-art18');
    admin = await bearer(['admin'], 'admin-art18');
  });
  afterAll(() => harness.close());

  const request = async (method: 'GET' | 'POST', url: string, authorization: string, payload?: object, position?: string) => {
    const response = await harness.request({ method, url, payload, headers: { authorization, ...(position ? { 'x-min-position': position } : {}) } });
    return { status: response.statusCode, body: response.json() };
  };
  const decide = async (subjectId: string, decision: 'restrict' | 'lift-restriction') =>
    expect(await request('POST', `/api/admin/data-subjects/${subjectId}/${decision}`, admin, decision === 'restrict' ? { ground: 'art18-accuracy-contested', requestReference: 'SAR-18' } : { ground: 'accuracy-verified', requestReference: 'SAR-18' })).toMatchObject({ status: 200 });
  const revisionsOf = async (id: string) => (await request('GET', `/api/audit/cases/${id}/events?limit=1000`, auditor)).body.items.length;
  const restricted = { status: 409, body: { type: '/problems/processing-restricted', rule: 'processing-restricted' } };
  const listed = async (url: string, authorization: string, position: string) => (await request('GET', url, authorization, undefined, position)).body.items.map((item: { id: string }) => item.id);

  it('refuses every command on a restricted victim\'s referral, hides it from case managers\' lists, and takes commands again once lifted', async () => {
    const body = { source: 'self', crimeType: 'burglary', victim: { name: 'Rory Restricted' }, consent: { contact: true, dataSharing: true, basis: 'explicit' } };
    const { id, position } = (await request('POST', '/api/referrals', caseManager, body)).body;
    const subjectId = (await request('GET', `/api/referrals/${id}`, caseManager, undefined, position)).body.victim.subjectId;
    const beacon = async () => (await request('GET', `/api/reports/beacon?from=${today()}&to=${today()}`, auditor, undefined, position)).body;
    const reportBefore = await beacon();
    await decide(subjectId, 'restrict');

    const revisions = await revisionsOf(id);
    expect(await request('POST', `/api/referrals/${id}/contacts`, caseManager, { at: new Date().toISOString(), channel: 'phone', outcome: 'made' })).toMatchObject(restricted);
    expect(await request('POST', `/api/referrals/${id}/close`, caseManager, { reason: 'support-completed' })).toMatchObject(restricted);
    expect(await revisionsOf(id)).toBe(revisions);

    expect(await listed('/api/referrals?limit=100', caseManager, position)).not.toContain(id);
    expect(await listed('/api/referrals?limit=100', auditor, position)).toContain(id);
    expect(await beacon()).toEqual(reportBefore);

    await decide(subjectId, 'lift-restriction');
    expect(await listed('/api/referrals?limit=100', caseManager, position)).toContain(id);
    expect(await request('POST', `/api/referrals/${id}/contacts`, caseManager, { at: new Date().toISOString(), channel: 'phone', outcome: 'made' })).toMatchObject({ status: 200 });
  });

  it('still records a restricted complainant\'s complaint (a statutory duty) but takes no other step, and keeps it in the report', async () => {
    const body = { receivedAt: daysAgo(2), channel: 'email', complainant: { name: 'Cora Restricted' }, summary: 'Rude on the phone', subjects: [{ kind: 'force' }], wantsRecording: true };
    const { id, position } = (await request('POST', '/api/complaints', crtOfficer, body)).body;
    const subjectId = (await request('GET', `/api/complaints/${id}`, crtOfficer, undefined, position)).body.complainant.subjectId;
    await decide(subjectId, 'restrict');

    expect(await request('POST', `/api/complaints/${id}/contact-complainant`, crtOfficer, { at: daysAgo(1), channel: 'phone', views: 'Wants an apology' })).toMatchObject(restricted);
    expect(await request('POST', `/api/complaints/${id}/refer`, crtOfficer, { to: 'psd', reason: 'Local investigation' })).toMatchObject({ status: 409 });
    const allegation = { category: 'individual-behaviours', description: 'Impolite language', subject: { kind: 'force' } };
    const recorded = await request('POST', `/api/complaints/${id}/record`, crtOfficer, { reason: 'complainant-request', allegations: [allegation] });
    expect(recorded).toMatchObject({ status: 200 });
    expect(await request('POST', `/api/complaints/${id}/refer`, crtOfficer, { to: 'psd', reason: 'Local investigation' })).toMatchObject(restricted);

    expect(await listed('/api/complaints?limit=100', crtOfficer, recorded.body.position)).not.toContain(id);
    expect(await listed('/api/complaints?limit=100', auditor, recorded.body.position)).toContain(id);
    const report = (await request('GET', `/api/reports/complaints?from=${daysAgo(3).slice(0, 10)}&to=${today()}`, auditor, undefined, recorded.body.position)).body;
    expect(report).toMatchObject({ logged: 1, recorded: 1 });
  });

  it('refuses a remedy on a resolution whose offender is restricted, and hides it from officers\' lists', async () => {
    const proposal = resolutionProposal('41/1818/26', { name: 'Otto Restricted', dateOfBirth: '1990-01-01' }, { name: 'Vic Art', consulted: true, consents: true });
    const { id, position } = (await request('POST', '/api/community-resolutions', policeOfficer, proposal)).body;
    const subjectId = (await request('GET', `/api/community-resolutions/${id}`, policeOfficer, undefined, position)).body.offender.subjectId;
    await decide(subjectId, 'restrict');

    const remedy = { type: 'written-apology', chosenByVictim: true, dueDate: new Date(Date.now() + 14 * DAY).toISOString().slice(0, 10) };
    expect(await request('POST', `/api/community-resolutions/${id}/remedies`, policeOfficer, remedy)).toMatchObject(restricted);
    expect(await listed('/api/community-resolutions?limit=100', policeOfficer, position)).not.toContain(id);
    expect(await listed('/api/community-resolutions?limit=100', auditor, position)).toContain(id);
  });

  it("leaves a case holding a restricted data subject out of others' possible matches, as lists do", async () => {
    const vera = { name: 'Vera Matchwell', contact: '07700 900518', consulted: true, consents: true };
    const proposal = resolutionProposal('41/1819/26', { name: 'Olly Restricted', dateOfBirth: '1991-02-02' }, vera);
    const resolution = (await request('POST', '/api/community-resolutions', policeOfficer, proposal)).body;
    const offender = (await request('GET', `/api/community-resolutions/${resolution.id}`, policeOfficer, undefined, resolution.position)).body.offender.subjectId;
    const referVera = async () => (await request('POST', '/api/referrals', caseManager, { source: 'self', crimeType: 'burglary', victim: { name: vera.name, phone: vera.contact }, consent: { contact: true, dataSharing: true, basis: 'explicit' } })).body;
    const twin = await referVera();
    const referral = await referVera();
    const twinVictim = (await request('GET', `/api/referrals/${twin.id}`, caseManager, undefined, referral.position)).body.victim.subjectId;
    const matchedCases = async (authorization: string) =>
      (await request('GET', `/api/people/cases/${referral.id}/possible-matches`, authorization, undefined, referral.position)).body.subjects
        .flatMap((subject: { candidates: { cases: { caseId: string }[] }[] }) => subject.candidates.flatMap((candidate) => candidate.cases.map(({ caseId }) => caseId)))
        .sort();
    const both = [resolution.id, twin.id].sort();
    expect(await matchedCases(caseManager)).toEqual(both);

    // The victim of the resolution is not restricted, its offender is: the case leaves the case manager's lists, and so her matches.
    // The twin's victim is: her details are no longer matched on by anyone.
    await decide(offender, 'restrict');
    await decide(twinVictim, 'restrict');
    expect(await matchedCases(caseManager)).toEqual([]);
    expect(await matchedCases(auditor)).toEqual([resolution.id]);
    await decide(offender, 'lift-restriction');
    await decide(twinVictim, 'lift-restriction');
    expect(await matchedCases(caseManager)).toEqual(both);
  });
});
