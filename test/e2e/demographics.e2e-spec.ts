import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, startTestApp, type TestApp } from '../support/test-app.ts';
import { followingRequests, ok } from '../support/following-requests.ts';

const ANSWERS = { gender: 'woman', ethnicity: 'black-caribbean', disability: 'prefer-not-to-say' };

describe("equality monitoring: a victim's demographics", () => {
  let harness: TestApp;
  let request: ReturnType<typeof followingRequests>;
  let caseManager: string;
  let crtOfficer: string;
  let admin: string;

  beforeAll(async () => {
    harness = await startTestApp();
    request = followingRequests(harness);
    [caseManager, crtOfficer, admin] = await Promise.all([bearer(['case_manager'], 'cm-eq'), bearer(['crt_officer'], 'crt-eq'), bearer(['admin'], 'root')]);
  });
  afterAll(() => harness.close());

  const newReferral = async () => {
    const victim = { name: 'Edna Equal', dateOfBirth: '1990-07-01' };
    const body = { source: 'self', crimeType: 'burglary', offenceDate: '2026-01-10', victim, consent: { contact: true, dataSharing: true, basis: 'explicit' } };
    return ok(await request('POST', '/api/referrals', caseManager, body), 201).id as string;
  };
  const storedDemographics = (id: string) => harness.sql(`SELECT data FROM events WHERE stream = 'referral-${id}' AND type = 'ReferralDemographicsRecorded'`);

  it('records the answers later, sealed in the store, with the age band at the offence, and never shows them on the case', async () => {
    const id = await newReferral();
    ok(await request('POST', `/api/referrals/${id}/demographics`, caseManager, ANSWERS));
    const [stored] = await storedDemographics(id);
    expect(JSON.stringify(stored)).not.toContain('black-caribbean');
    const [row] = await harness.sql(`SELECT state->'demographics' AS demographics FROM referral_list WHERE id = $1`, [id]);
    expect(row.demographics).toEqual({ ...ANSWERS, ageBand: '35-44' });
    const view = ok(await request('GET', `/api/referrals/${id}`, caseManager));
    expect(JSON.stringify(view)).not.toContain('black-caribbean');
    ok(await request('POST', `/api/referrals/${id}/demographics`, caseManager, ANSWERS), 409);
  });

  it('refuses a value outside its list naming the field, another team, appending nothing', async () => {
    const id = await newReferral();
    const refused = ok(await request('POST', `/api/referrals/${id}/demographics`, caseManager, { ...ANSWERS, ethnicity: 'martian' }), 400);
    expect(refused.errors).toEqual([expect.objectContaining({ field: 'ethnicity' })]);
    ok(await request('POST', `/api/referrals/${id}/demographics`, caseManager, { gender: 'woman' }), 400);
    ok(await request('POST', `/api/referrals/${id}/demographics`, crtOfficer, ANSWERS), 403);
    expect(await storedDemographics(id)).toEqual([]);
  });

  it('erases the answers with the victim', async () => {
    const id = await newReferral();
    ok(await request('POST', `/api/referrals/${id}/demographics`, caseManager, ANSWERS));
    const { victim } = ok(await request('GET', `/api/referrals/${id}`, caseManager));
    ok(await request('POST', `/api/admin/data-subjects/${victim.subjectId}/erase`, admin, { reason: 'Erasure request SAR-9' }));
    const [row] = await harness.sql(`SELECT state->'demographics' AS demographics FROM referral_list WHERE id = $1`, [id]);
    expect(JSON.stringify(row.demographics)).not.toMatch(/woman|black-caribbean|prefer-not-to-say|35-44/);
  });
});
