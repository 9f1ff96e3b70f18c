import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addDays, londonDate } from '../../src/calendar/working-days.ts';
import { bearer, knownUser, startTestApp, type TestApp } from '../support/test-app.ts';
import { followingRequests, ok } from '../support/following-requests.ts';

const DAY = 86_400_000;
const today = () => londonDate(new Date());
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

describe('the lists a team works from: unassigned, due by a day, by crime reference and type, delayed police referrals', () => {
  let harness: TestApp;
  let request: ReturnType<typeof followingRequests>;
  let caseManager: string;
  let supervisor: string;
  let crtOfficer: string;
  let resolutionOfficer: string;

  beforeAll(async () => {
    harness = await startTestApp();
    request = followingRequests(harness);
    caseManager = await knownUser(harness, 'cm-lena');
    [supervisor, crtOfficer, resolutionOfficer] = await Promise.all([bearer(['supervisor'], 'sup-lists'), bearer(['crt_officer'], 'crt-lists'), bearer(['resolution_officer'], 'pc-lists')]);
  });
  afterAll(() => harness.close());

  const ids = async (url: string, authorization = supervisor) => (ok(await request('GET', url, authorization)).items as { id: string }[]).map((item) => item.id);
  const referral = async (details: object) =>
    ok(
      await request('POST', '/api/referrals', caseManager, {
        source: 'police',
        crimeType: 'stalking',
        victim: { name: 'Lisa Lister' },
        consent: { contact: true, dataSharing: true, basis: 'explicit' },
        ...details,
      }),
      201,
    ).id as string;

  it('lists the unassigned referrals, those of a crime type and of a crime reference', async () => {
    const unassigned = await referral({ crimeReference: '41/60001/26' });
    const taken = await referral({ crimeReference: '41/60002/26' });
    ok(await request('POST', `/api/referrals/${taken}/assign`, caseManager, { caseManager: 'cm-lena' }));

    const stalking = await ids('/api/referrals?crimeType=stalking&caseManager=none');
    expect(stalking).toContain(unassigned);
    expect(stalking).not.toContain(taken);
    expect(await ids('/api/referrals?crimeType=fraud&caseManager=none')).not.toContain(unassigned);
    expect(await ids(`/api/referrals?crimeReference=${encodeURIComponent('41/60002/26')}`)).toEqual([taken]);
    expect(await ids(`/api/referrals?crimeReference=${encodeURIComponent('41/60002')}`)).toEqual([]);
  });

  it('flags and lists a police referral passed on more than 2 working days after the crime report', async () => {
    const late = await referral({ crimeReportedOn: addDays(today(), -10), crimeReference: '41/60003/26' });
    const prompt = await referral({ crimeReportedOn: today(), crimeReference: '41/60004/26' });
    expect(ok(await request('GET', `/api/referrals/${late}`, caseManager)).referralDelay).toEqual({ workingDaysFromReport: expect.any(Number), policeReferralDelayed: true });
    expect(ok(await request('GET', `/api/referrals/${prompt}`, caseManager)).referralDelay).toEqual({ workingDaysFromReport: 0, policeReferralDelayed: false });

    const delayed = ok(await request('GET', '/api/referrals?policeReferralDelayed=true', supervisor)).items;
    expect(delayed).toEqual(expect.arrayContaining([expect.objectContaining({ id: late, policeReferralDelayed: true })]));
    expect(delayed.map((item: { id: string }) => item.id)).not.toContain(prompt);
    expect(await ids('/api/referrals?policeReferralDelayed=false')).toEqual(expect.arrayContaining([prompt]));
  });

  it('lists what is due by a day: criminal-justice updates and contacts of referrals, complaints, remedies', async () => {
    const owing = await referral({ crimeReference: '41/60005/26' });
    ok(await request('POST', `/api/referrals/${owing}/cj-events`, caseManager, { kind: 'charge', learnedAt: new Date().toISOString() }));
    const { openCriminalJusticeUpdates } = ok(await request('GET', `/api/referrals/${owing}`, caseManager));
    const dueBy: string = openCriminalJusticeUpdates[0].dueBy;
    expect(await ids(`/api/referrals?dueBy=${addDays(dueBy, -1)}`)).not.toContain(owing);
    expect(await ids(`/api/referrals?dueBy=${dueBy}`)).toContain(owing);

    const contacted = await referral({ crimeReference: '41/60006/26' });
    ok(await request('POST', `/api/referrals/${contacted}/contact-contract`, caseManager, { frequency: 'weekly', channel: 'phone' }));
    const { nextDue: nextContactDue } = ok(await request('GET', `/api/referrals/${contacted}`, caseManager)).contact;
    expect(await ids(`/api/referrals?dueBy=${addDays(londonDate(nextContactDue), -1)}`)).not.toContain(contacted);
    expect(await ids(`/api/referrals?dueBy=${londonDate(nextContactDue)}`)).toContain(contacted);

    const complaint = ok(
      await request('POST', '/api/complaints', crtOfficer, { receivedAt: daysAgo(1), channel: 'email', complainant: { name: 'Lou Lister' }, summary: 'No reply', subjects: [{ kind: 'force', identifier: null }] }),
      201,
    ).id;
    const { nextDue: contactDueBy } = ok(await request('GET', `/api/complaints/${complaint}`, crtOfficer));
    expect(await ids(`/api/complaints?dueBy=${addDays(contactDueBy, -1)}`, crtOfficer)).not.toContain(complaint);
    expect(await ids(`/api/complaints?dueBy=${contactDueBy}`, crtOfficer)).toContain(complaint);

    const resolution = ok(
      await request('POST', '/api/community-resolutions', resolutionOfficer, {
        crimeReference: '41/60007/26',
        offenceType: 'criminal-damage',
        offenceDate: addDays(today(), -10),
        offender: { name: 'Leo Lister', dateOfBirth: '1990-01-01' },
        evidenceSufficient: true,
        offenderAdmits: true,
        offenderAgrees: true,
        victims: [{ name: 'Lin Lister', contact: '07700 900171', consulted: true, views: 'An apology', consents: true }],
        flags: { domesticAbuse: false, intimatePartner: false, hateCrime: false },
        rationale: 'First offence',
      }),
      201,
    ).id;
    ok(await request('POST', `/api/community-resolutions/${resolution}/remedies`, resolutionOfficer, { type: 'written-apology', chosenByVictim: true, dueDate: addDays(today(), 14) }));
    expect(await ids(`/api/community-resolutions?dueBy=${addDays(today(), 13)}`, resolutionOfficer)).not.toContain(resolution);
    expect(await ids(`/api/community-resolutions?dueBy=${addDays(today(), 14)}`, resolutionOfficer)).toContain(resolution);
  });

  it('refuses a due day, a delay flag or a crime reference that is not one', async () => {
    for (const url of ['/api/referrals?dueBy=tomorrow', '/api/referrals?dueBy=2026-02-30', '/api/referrals?policeReferralDelayed=yes', `/api/referrals?crimeReference=${'1'.repeat(51)}`, '/api/complaints?dueBy=2026-13-01', '/api/community-resolutions?dueBy=today']) {
      expect((await request('GET', url, supervisor)).statusCode).toBe(400);
    }
  });
});
