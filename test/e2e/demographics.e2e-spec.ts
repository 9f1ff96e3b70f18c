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

  const newReferral = async (receivedAt?: string) => {
    const victim = { name: 'Edna Equal', dateOfBirth: '1990-07-01' };
    const body = { source: 'self', crimeType: 'burglary', offenceDate: '2025-01-10', receivedAt, victim, consent: { contact: true, dataSharing: true, basis: 'explicit' } };
    return ok(await request('POST', '/api/referrals', caseManager, body), 201).id as string;
  };
  const storedDemographics = (id: string) => harness.sql(`SELECT data FROM events WHERE stream = 'referral-${id}' AND type = 'ReferralDemographicsRecorded'`);

  it('records the answers later, sealed in the store, with the age band at the offence, and never shows them on the case', async () => {
    const id = await newReferral();
    ok(await request('POST', `/api/referrals/${id}/demographics`, caseManager, ANSWERS));
    const [stored] = await storedDemographics(id);
    expect(JSON.stringify(stored)).not.toContain('black-caribbean');
    // The read waits for the list to hold the command's position.
    const view = ok(await request('GET', `/api/referrals/${id}`, caseManager));
    expect(JSON.stringify(view)).not.toContain('black-caribbean');
    // The list keeps them only in the columns the Beacon report counts, through later events too, not in its folded state.
    ok(await request('POST', `/api/referrals/${id}/notes`, caseManager, { text: 'Called back as agreed' }));
    const [row] = await harness.sql(`SELECT state::text AS state, gender, ethnicity, disability, age_band FROM referral_list WHERE id = $1`, [id]);
    expect(JSON.parse(row.state)).not.toHaveProperty('demographics');
    expect(row.state).not.toMatch(/black-caribbean|prefer-not-to-say|25-34/);
    expect(row).toMatchObject({ gender: 'woman', ethnicity: 'black-caribbean', disability: 'prefer-not-to-say', age_band: '25-34' });
    ok(await request('POST', `/api/referrals/${id}/demographics`, caseManager, ANSWERS), 409);
  });

  it('records the answers given on intake, and refuses one outside its list there too, receiving nothing', async () => {
    const body = { source: 'self', crimeType: 'burglary', victim: { name: 'Ida Intake' }, consent: { contact: true, dataSharing: true, basis: 'explicit' } };
    const eventCount = async () => (await harness.sql<{ n: number }>('SELECT count(*)::int AS n FROM events'))[0]!.n;
    const before = await eventCount();
    const refused = ok(await request('POST', '/api/referrals', caseManager, { ...body, demographics: { ...ANSWERS, disability: 'sometimes' } }), 400);
    expect(refused.errors).toEqual([expect.objectContaining({ field: 'demographics.disability' })]);
    expect(await eventCount()).toBe(before);
    const { id } = ok(await request('POST', '/api/referrals', caseManager, { ...body, demographics: ANSWERS }), 201);
    expect(await storedDemographics(id)).toHaveLength(1);
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
    // Reading the case waits for the list to hold the answers: the columns are where the list keeps them.
    const { victim } = ok(await request('GET', `/api/referrals/${id}`, caseManager));
    const columns = 'SELECT gender, ethnicity, disability, age_band FROM referral_list WHERE id = $1';
    expect(await harness.sql(columns, [id])).toEqual([{ gender: 'woman', ethnicity: 'black-caribbean', disability: 'prefer-not-to-say', age_band: '25-34' }]);
    ok(await request('POST', `/api/admin/data-subjects/${victim.subjectId}/erase`, admin, { ground: 'art17-withdrawn-consent', requestReference: 'SAR-9' }));
    expect(await harness.sql(columns, [id])).toEqual([{ gender: null, ethnicity: null, disability: null, age_band: null }]);
  });

  it('breaks the Beacon report down by each characteristic, withholding small cells and a partner beside a lone one', async () => {
    const day = '2025-02-03';
    const answers = [...Array(7).fill(ANSWERS), { ...ANSWERS, gender: 'man' }, { ...ANSWERS, gender: 'man' }, null];
    for (const answer of answers) {
      const id = await newReferral(`${day}T10:00:00Z`);
      if (answer) ok(await request('POST', `/api/referrals/${id}/demographics`, caseManager, answer));
    }
    const report = ok(await request('GET', `/api/reports/beacon?from=${day}&to=${day}`, caseManager));
    const counts = (field: string) => Object.fromEntries(report.equality[field].filter((cell: { count: number }) => cell.count !== 0).map((cell: { key: string; count: number | null }) => [cell.key, cell.count]));
    expect(report.referrals).toBe(10);
    expect(counts('gender')).toEqual({ woman: 7, man: null, 'not-recorded': null });
    // A lone withheld cell would follow from the total: the smallest other is withheld with it.
    expect(counts('disability')).toEqual({ 'prefer-not-to-say': null, 'not-recorded': null });
    expect(counts('ageBand')).toEqual({ '25-34': null, 'not-recorded': null });
    expect(report.equality.ethnicity).toHaveLength(21);
  });
});
