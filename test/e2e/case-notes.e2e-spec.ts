import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { bearer, startTestApp, type TestApp } from '../support/test-app.ts';
import { followingRequests, ok } from '../support/following-requests.ts';

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const NOTE = 'Nellie asked us to ring her sister Nora instead';

describe('case notes on referrals, complaints and resolutions, in the timeline', () => {
  let harness: TestApp;
  let request: ReturnType<typeof followingRequests>;
  let caseManager: string;
  let supervisor: string;
  let crtOfficer: string;
  let resolutionOfficer: string;
  let admin: string;

  beforeAll(async () => {
    harness = await startTestApp();
    request = followingRequests(harness);
    [caseManager, supervisor, crtOfficer, resolutionOfficer, admin] = await Promise.all([
      bearer(['case_manager'], 'cm-nell'),
      bearer(['supervisor'], 'sup-sue'),
      bearer(['crt_officer'], 'crt-cath'),
      bearer(['resolution_officer'], 'pc-pat'),
      bearer(['admin'], 'root'),
    ]);
  });
  afterAll(() => harness.close());

  const newReferral = async () =>
    ok(await request('POST', '/api/referrals', caseManager, { source: 'self', crimeType: 'burglary', victim: { name: 'Nellie Noted' }, consent: { contact: true, dataSharing: true, basis: 'explicit' } }), 201).id as string;
  const noteEntries = (view: { timeline: { type: string }[] }) => view.timeline.filter((entry) => entry.type.endsWith('NoteAdded'));

  it('adds a note to a referral, sealed in the store and shown in the timeline with a summary, also once the case is closed', async () => {
    const id = await newReferral();
    const added = ok(await request('POST', `/api/referrals/${id}/notes`, caseManager, { text: NOTE }));
    expect(added).toMatchObject({ noteId: expect.any(String), revision: 1 });
    ok(await request('POST', `/api/referrals/${id}/close`, caseManager, { reason: 'support-completed' }));
    ok(await request('POST', `/api/referrals/${id}/notes`, supervisor, { text: 'Closed: letter sent' }));

    const view = ok(await request('GET', `/api/referrals/${id}`, caseManager));
    expect(view.timeline.map((entry: { summary: string }) => entry.summary)).toEqual([
      'Referral received from the victim',
      'Note added',
      'Case closed (support-completed)',
      'Note added after the case was closed',
    ]);
    expect(noteEntries(view)).toEqual([
      { revision: 1, type: 'ReferralNoteAdded', summary: 'Note added', note: NOTE, recordedAt: expect.any(String), by: 'cm-nell' },
      expect.objectContaining({ revision: 3, note: 'Closed: letter sent', by: 'sup-sue' }),
    ]);
    const stored = await harness.sql("SELECT data::text AS data FROM events WHERE type = 'ReferralNoteAdded'");
    expect(stored).toHaveLength(2);
    for (const { data } of stored) expect(data).not.toContain('Nellie');
  });

  it('refuses a blank or oversized note, another team, and an unknown case, appending nothing', async () => {
    const id = await newReferral();
    for (const body of [{}, { text: '   ' }, { text: 7 }, { text: 'x'.repeat(5001) }, { text: 'ok', extra: true }]) {
      expect(ok(await request('POST', `/api/referrals/${id}/notes`, caseManager, body), 400).errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: expect.any(String) })]));
    }
    ok(await request('POST', `/api/referrals/${id}/notes`, crtOfficer, { text: NOTE }), 403);
    ok(await request('POST', `/api/referrals/${randomUUID()}/notes`, caseManager, { text: NOTE }), 404);
    const view = ok(await request('GET', `/api/referrals/${id}`, caseManager));
    expect(view.timeline).toHaveLength(1);
    expect(view.revision).toBe(0);
  });

  it('notes a withdrawn complaint and a resolution, each under its own team', async () => {
    const complaint = ok(
      await request('POST', '/api/complaints', crtOfficer, {
        receivedAt: daysAgo(1),
        channel: 'email',
        complainant: { name: 'Nadia Noted', email: 'nadia@example.org' },
        summary: 'Nobody called me back',
        subjects: [{ kind: 'force', identifier: null }],
      }),
      201,
    ).id;
    ok(await request('POST', `/api/complaints/${complaint}/withdraw`, crtOfficer, { reason: 'Withdrawn by the complainant' }));
    ok(await request('POST', `/api/complaints/${complaint}/notes`, caseManager, { text: NOTE }), 403);
    ok(await request('POST', `/api/complaints/${complaint}/notes`, crtOfficer, { text: NOTE }));
    const complaintView = ok(await request('GET', `/api/complaints/${complaint}`, crtOfficer));
    expect(noteEntries(complaintView)).toEqual([expect.objectContaining({ type: 'ComplaintNoteAdded', summary: 'Note added after the case was closed', note: NOTE, by: 'crt-cath' })]);

    const resolution = ok(
      await request('POST', '/api/community-resolutions', resolutionOfficer, {
        crimeReference: '41/5151/26',
        offenceType: 'criminal-damage',
        offenceDate: daysAgo(10).slice(0, 10),
        offender: { name: 'Ned Noted', dateOfBirth: '1990-01-01' },
        evidenceSufficient: true,
        offenderAdmits: true,
        offenderAgrees: true,
        victims: [{ name: 'Val Victim', contact: '07700 900151', consulted: true, views: 'An apology', consents: true }],
        flags: { domesticAbuse: false, intimatePartner: false, hateCrime: false },
        rationale: 'First offence',
      }),
      201,
    ).id;
    ok(await request('POST', `/api/community-resolutions/${resolution}/notes`, resolutionOfficer, { text: NOTE }));
    const resolutionView = ok(await request('GET', `/api/community-resolutions/${resolution}`, resolutionOfficer));
    expect(noteEntries(resolutionView)).toEqual([expect.objectContaining({ type: 'ResolutionNoteAdded', summary: 'Note added', note: NOTE, by: 'pc-pat' })]);
  });

  it("erases a note with the case's subject", async () => {
    const id = await newReferral();
    ok(await request('POST', `/api/referrals/${id}/notes`, caseManager, { text: NOTE }));
    const { victim } = ok(await request('GET', `/api/referrals/${id}`, caseManager));
    ok(await request('POST', `/api/admin/data-subjects/${victim.subjectId}/erase`, admin, { ground: 'art17-withdrawn-consent', requestReference: 'SAR-12' }));
    const view = ok(await request('GET', `/api/referrals/${id}`, caseManager));
    expect(noteEntries(view)).toEqual([expect.objectContaining({ summary: 'Note added', note: '[erased]' })]);
  });
});
