import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { bearer, startTestApp, type TestApp, type TestResponse } from '../support/test-app.ts';

const ZOE = { name: 'Zoë Quernby', dateOfBirth: '1979-02-11', phone: '+44 7700 900777', email: 'zoe.quernby@example.org', address: '3 Mill Lane, Ware' };
const consent = { contact: true, dataSharing: true, basis: 'explicit' };

describe('people: one person across cases, found, exported, erased', () => {
  let harness: TestApp;
  let caseManager: string;
  let crt: string;
  let admin: string;
  let auditor: string;

  beforeAll(async () => {
    harness = await startTestApp();
    [caseManager, crt, admin, auditor] = await Promise.all([bearer(['case_manager'], 'cm-pat'), bearer(['crt_officer'], 'crt-cal'), bearer(['admin'], 'root'), bearer(['auditor'], 'aud-ada')]);
  });
  afterAll(() => harness.close());

  let lastPosition = '0';
  const request = async (method: 'GET' | 'POST', url: string, authorization: string, payload?: object, headers: Record<string, string> = {}) => {
    const response = await harness.request({ method, url, payload, headers: { authorization, 'x-min-position': lastPosition, ...headers } });
    if (method === 'POST' && response.statusCode < 300) lastPosition = response.json().position ?? response.json().subjects?.at(-1)?.position ?? lastPosition;
    return response;
  };
  const ok = (response: TestResponse, status = 200) => {
    expect({ status: response.statusCode, body: response.json() }).toMatchObject({ status, body: {} });
    return response.json();
  };
  const referral = async (victim: object) => {
    const { id, possibleMatches } = ok(await request('POST', '/api/referrals', caseManager, { source: 'self', crimeType: 'burglary', victim, consent }), 201);
    return { id: id as string, subjectId: ok(await request('GET', `/api/referrals/${id}`, caseManager)).victim.subjectId as string, possibleMatches: possibleMatches as string };
  };

  let first: { id: string; subjectId: string };
  let second: { id: string; subjectId: string; possibleMatches: string };
  let complaint: { id: string; subjectId: string };
  let personId: string;

  it('suggests the records of the same person in other cases, however their details were typed', async () => {
    first = await referral(ZOE);
    second = await referral({ name: 'QUERNBY zoe', phone: '07700 900777' });
    await referral({ name: 'Someone Else', phone: '07700 900111' });
    const logged = ok(await request('POST', '/api/complaints', crt, { receivedAt: new Date().toISOString(), channel: 'email', complainant: { name: 'Z. Quernby', email: 'Zoe.Quernby@Example.org' }, summary: 'Nobody called me back', subjects: [{ kind: 'force' }], wantsRecording: false }), 201);
    complaint = { id: logged.id, subjectId: ok(await request('GET', `/api/complaints/${logged.id}`, crt)).complainant.subjectId };

    // Each intake's answer links to its possible matches.
    expect(second.possibleMatches).toBe(`/api/people/cases/${second.id}/possible-matches`);
    expect(logged.possibleMatches).toBe(`/api/people/cases/${complaint.id}/possible-matches`);
    const matches = ok(await request('GET', second.possibleMatches, caseManager));
    expect(matches.subjects).toEqual([{ subjectId: second.subjectId, role: 'victim', personId: null, candidates: [{ personId: null, matchedOn: ['name', 'phone'], cases: [{ caseId: first.id, caseKind: 'referral', role: 'victim', subjectId: first.subjectId }] }] }]);
    const forComplaint = ok(await request('GET', logged.possibleMatches, crt)).subjects[0].candidates;
    expect(forComplaint).toEqual([expect.objectContaining({ matchedOn: ['email'], cases: [expect.objectContaining({ caseId: first.id })] })]);
    expect((await request('GET', `/api/people/cases/${randomUUID()}/possible-matches`, caseManager)).statusCode).toBe(404);
    expect((await request('GET', `/api/people/cases/${second.id}/possible-matches`, admin)).statusCode).toBe(403);
  });

  it("links a proposed resolution's answer to the possible matches of its offender and victims", async () => {
    const officer = await bearer(['resolution_officer'], 'pc-pia');
    const proposal = {
      crimeReference: '41/61001/26',
      offenceType: 'criminal-damage',
      offenceDate: '2026-01-10',
      offender: { name: 'Omar Offley', dateOfBirth: '1990-01-01' },
      evidenceSufficient: true,
      offenderAdmits: true,
      offenderAgrees: true,
      victims: [{ name: 'Vic Varley', contact: '07700 900271', consulted: true, views: 'An apology', consents: true }],
      flags: { domesticAbuse: false, intimatePartner: false, hateCrime: false },
      rationale: 'First offence',
    };
    const proposed = ok(await request('POST', '/api/community-resolutions', officer, proposal), 201);
    expect(proposed.possibleMatches).toBe(`/api/people/cases/${proposed.id}/possible-matches`);
    const matches = ok(await request('GET', proposed.possibleMatches, officer)).subjects;
    expect(matches.map(({ role }: { role: string }) => role).sort()).toEqual(['offender', 'victim']);
  });

  it('keeps only keyed hashes of the details it matches on', async () => {
    const rows = await harness.sql('SELECT subjects::text || match_keys::text AS stored FROM subject_index');
    const stored = rows.map((row) => row.stored).join('\n');
    for (const value of ['Quernby', 'quernby', '07700900777', '1979-02-11', 'zoe.quernby@example.org']) expect(stored).not.toContain(value);
  });

  it('links records to a person with who and why, refusing what changes nothing or names no one', async () => {
    const confirmed = ok(await request('POST', '/api/people', caseManager, { subjectId: first.subjectId, reason: 'Victim of an earlier referral' }), 201);
    personId = confirmed.personId;
    ok(await request('POST', `/api/people/${personId}/subjects`, caseManager, { subjectId: second.subjectId, reason: 'Same name and phone' }));
    ok(await request('POST', `/api/people/${personId}/subjects`, crt, { subjectId: complaint.subjectId, reason: 'Same email' }));
    const before = (await harness.sql('SELECT count(*)::int AS n FROM events'))[0].n;
    expect(ok(await request('POST', `/api/people/${personId}/subjects`, caseManager, { subjectId: second.subjectId, reason: 'again' }), 409)).toMatchObject({ rule: 'already-linked' });
    expect(ok(await request('POST', '/api/people', caseManager, { subjectId: second.subjectId, reason: 'a new one' }), 409)).toMatchObject({ rule: 'linked-to-another-person' });
    expect((await request('POST', `/api/people/${randomUUID()}/subjects`, caseManager, { subjectId: second.subjectId, reason: 'nobody' })).statusCode).toBe(404);
    expect((await request('POST', '/api/people', caseManager, { subjectId: randomUUID(), reason: 'no such subject' })).statusCode).toBe(404);
    expect((await request('POST', `/api/people/${personId}/subjects/${first.subjectId}/unlink`, caseManager, {})).statusCode).toBe(400);
    expect((await request('POST', '/api/people', auditor, { subjectId: first.subjectId, reason: 'not mine to say' })).statusCode).toBe(403);
    expect((await harness.sql('SELECT count(*)::int AS n FROM events'))[0].n).toBe(before);

    const linked = (await harness.sql("SELECT metadata->'actor'->>'sub' AS who FROM events WHERE stream = $1", [`person-link-${complaint.subjectId}`]))[0];
    expect(linked.who).toBe('crt-cal');
    const matches = ok(await request('GET', `/api/people/cases/${second.id}/possible-matches`, caseManager)).subjects[0];
    expect(matches).toMatchObject({ personId, candidates: [] });
  });

  it('finds a person by any detail, with every case and role, and logs the cases found', async () => {
    for (const q of ['zoe quernby', '1979-02-11', '07700900777', 'ZOE.QUERNBY@example.org']) {
      const { items } = ok(await request('GET', `/api/admin/people?q=${encodeURIComponent(q)}`, auditor));
      expect({ q, items }).toEqual({ q, items: [expect.objectContaining({ personId, cases: expect.arrayContaining([expect.objectContaining({ caseId: complaint.id, role: 'complainant' })]) })] });
      expect(items[0].cases).toHaveLength(3);
    }
    expect(ok(await request('GET', '/api/admin/people?q=Nobody%20Atall', admin)).items).toEqual([]);
    expect((await request('GET', '/api/admin/people', admin)).statusCode).toBe(400);
    expect((await request('GET', '/api/admin/people?q=zoe', caseManager)).statusCode).toBe(403);
    const searches = await harness.sql("SELECT data FROM events WHERE type = 'CaseAccessed' AND data->>'route' = '/api/admin/people' ORDER BY position");
    expect(searches.at(-1)?.data.caseIds).toEqual([]);
    expect(searches.some((row) => [first.id, second.id, complaint.id].every((id) => row.data.caseIds.includes(id)))).toBe(true);
    expect(JSON.stringify(searches)).not.toContain('ernby');
  });

  it('exports everything held about the person, as JSON and as a document, without anyone else', async () => {
    const exported = ok(await request('GET', `/api/admin/people/${personId}/export`, admin));
    expect(exported.cases.map((found: { caseId: string }) => found.caseId).sort()).toEqual([first.id, second.id, complaint.id].sort());
    expect(exported.restrictedCasesWithheld).toBe(0);
    const firstCase = exported.cases.find((found: { caseId: string }) => found.caseId === first.id);
    expect(firstCase.events[0]).toMatchObject({ type: 'ReferralReceived', recordedBy: 'cm-pat', data: { victim: { name: ZOE.name, address: ZOE.address } } });
    expect(exported.links).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'SubjectLinkedToPerson', recordedBy: 'crt-cal', data: expect.objectContaining({ reason: 'Same email' }) })]));
    expect(JSON.stringify(exported)).not.toContain('Someone Else');

    const document = await request('GET', `/api/admin/people/${personId}/export?format=html`, admin);
    expect(document.statusCode).toBe(200);
    expect(document.headers['content-type']).toMatch(/^text\/html/);
    expect(document.body).toContain('Zoë Quernby');
    expect(document.body).toContain('3 Mill Lane, Ware');
    expect(document.body).not.toContain('restricted to named staff');
    expect((await request('GET', `/api/admin/people/${personId}/export`, admin, undefined, { accept: 'text/html' })).headers['content-type']).toMatch(/^text\/html/);
    expect((await request('GET', `/api/admin/people/${personId}/export?format=pdf`, admin)).statusCode).toBe(400);
    expect((await request('GET', `/api/admin/people/${randomUUID()}/export`, admin)).statusCode).toBe(404);
    expect(ok(await request('GET', `/api/admin/people/${personId}/export`, auditor))).toMatchObject({ cases: exported.cases, restrictedCasesWithheld: 0 });
    expect((await request('GET', `/api/admin/people/${personId}/export`, caseManager)).statusCode).toBe(403);
    // It waits, as any query does, for the people's read models to have the write named.
    const behind = await request('GET', `/api/admin/people/${personId}/export`, admin, undefined, { 'x-min-position': (2n ** 62n).toString() });
    expect({ status: behind.statusCode, retryAfter: behind.headers['retry-after'] }).toEqual({ status: 202, retryAfter: '1' });
    const exports = await harness.sql("SELECT data FROM events WHERE type = 'CaseAccessed' AND data->>'route' = '/api/admin/people/:personId/export' ORDER BY position");
    expect(exports[0].data.caseIds.sort()).toEqual([first.id, second.id, complaint.id].sort());
  });

  it('restricts and erases a person in every case in one call, and the log still verifies', async () => {
    const restricted = ok(await request('POST', `/api/admin/people/${personId}/restrict`, admin, { ground: 'art18-accuracy-contested', requestReference: 'SAR-30' }));
    expect(restricted.subjects).toHaveLength(3);
    expect(ok(await request('GET', `/api/referrals/${second.id}`, caseManager)).victim.name).toBe('[restricted]');
    expect(ok(await request('POST', `/api/admin/people/${personId}/restrict`, admin, { ground: 'art18-accuracy-contested', requestReference: 'SAR-30' }), 409)).toMatchObject({ rule: 'already-restricted' });

    ok(await request('POST', `/api/admin/people/${personId}/erase`, admin, { ground: 'art17-withdrawn-consent', requestReference: 'SAR-9' }));
    expect(ok(await request('GET', `/api/referrals/${first.id}`, caseManager)).victim).toMatchObject({ name: '[erased]', phone: '[erased]' });
    expect(ok(await request('GET', `/api/complaints/${complaint.id}`, crt)).complainant.email).toBe('[erased]');
    expect(ok(await request('GET', '/api/admin/people?q=zoe%20quernby', admin)).items).toEqual([]);
    expect(ok(await request('GET', `/api/people/cases/${first.id}/possible-matches`, caseManager)).subjects[0].candidates).toEqual([]);
    const exported = ok(await request('GET', `/api/admin/people/${personId}/export`, admin));
    expect(JSON.stringify(exported)).not.toContain('Quernby');
    // The subject access export shows each decision's ground and the request's reference, for each of the person's records.
    const decisions = (exported.dataDecisions as { type: string; data: Record<string, unknown> }[]).map(({ type, data }) => ({ type, data }));
    expect(decisions).toHaveLength(6);
    expect(decisions.filter(({ type }) => type === 'ProcessingRestricted').map(({ data }) => data)).toEqual(
      Array.from({ length: 3 }, () => ({ subjectId: expect.any(String), ground: 'art18-accuracy-contested', requestReference: 'SAR-30', restrictedAt: expect.any(String) })),
    );
    expect(decisions.filter(({ type }) => type === 'PersonalDataErased').map(({ data }) => data)).toEqual(
      Array.from({ length: 3 }, () => ({ subjectId: expect.any(String), ground: 'art17-withdrawn-consent', requestReference: 'SAR-9', erasedAt: expect.any(String) })),
    );
    expect(ok(await request('POST', `/api/admin/people/${personId}/erase`, admin, { ground: 'art17-withdrawn-consent', requestReference: 'SAR-9' }), 409)).toMatchObject({ rule: 'already-erased' });
    expect((await request('POST', `/api/admin/people/${personId}/forget`, admin, { ground: 'art17-withdrawn-consent', requestReference: 'SAR-9' })).statusCode).toBe(404);
    expect(ok(await request('GET', '/api/audit/verify', auditor))).toMatchObject({ ok: true });
  });
});
