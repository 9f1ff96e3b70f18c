import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Role } from '../../src/auth/roles.ts';
import { bearer, startTestApp, type TestApp, type TestResponse } from '../support/test-app.ts';

/**
 * Need to know across cases: a person with a restricted referral and an open one is exported, linked and decided
 * on by users named on the restricted case and by users who are not, who must never reach it.
 */

const consent = { contact: true, dataSharing: false, basis: 'explicit' };
const RITA = { name: 'Rita Reserved', phone: '07700 900431' };
const USERS: Record<string, Role[]> = {
  creator: ['case_manager', 'crt_officer', 'supervisor'],
  'cm-named': ['case_manager'],
  'cm-other': ['case_manager'],
  'crt-other': ['crt_officer'],
  'adm-named': ['admin'],
  'adm-other': ['admin'],
  aud: ['auditor'],
};

describe('restricted cases in people: export, links and decisions', () => {
  let harness: TestApp;
  const tokens: Record<string, string> = {};
  let lastPosition = '0';
  /** A referral restricted to cm-named and adm-named, and an open one, of the same person; and a restricted one of a person in no other case. */
  let hidden: { id: string; subjectId: string };
  let open: { id: string; subjectId: string };
  let alone: { id: string; subjectId: string };
  /** The officer a restricted complaint is about: a data subject no possible match names. */
  let officer: string;
  let personId: string;
  let onlyHiddenPersonId: string;

  const as = (user: string, method: 'GET' | 'POST', url: string, payload?: object): Promise<TestResponse> =>
    harness.request({ method, url, payload, headers: { authorization: tokens[user]!, 'x-min-position': lastPosition } });
  async function ok(user: string, url: string, payload: object): Promise<{ id?: string; personId?: string; position?: string; subjects?: { position: string }[] }> {
    const response = await as(user, 'POST', url, payload);
    expect({ url, body: response.statusCode < 300 ? 'ok' : response.body }).toEqual({ url, body: 'ok' });
    const body = response.json<{ position?: string; subjects?: { position: string }[] }>();
    lastPosition = body.position ?? body.subjects?.at(-1)?.position ?? lastPosition;
    return body;
  }
  const referral = async (victim: object) => {
    const { id } = await ok('creator', '/api/referrals', { source: 'self', crimeType: 'burglary', victim, consent });
    return { id: id!, subjectId: (await as('creator', 'GET', `/api/referrals/${id}`)).json<{ victim: { subjectId: string } }>().victim.subjectId };
  };
  // The case events a refused request must not append; the access log's refusals are counted on their own below.
  const eventCount = async () => (await harness.sql<{ n: number }>("SELECT count(*)::int AS n FROM events WHERE type NOT IN ('CaseAccessed', 'CaseAccessRefused')"))[0]!.n;
  const exportOf = (user: string, person: string, format = 'json') => as(user, 'GET', `/api/admin/people/${person}/export?format=${format}`);
  const exportedCases = (response: TestResponse) => response.json<{ cases: { caseId: string }[] }>().cases.map(({ caseId }) => caseId).sort();

  beforeAll(async () => {
    harness = await startTestApp();
    for (const [user, roles] of Object.entries(USERS)) {
      tokens[user] = await bearer(roles, user);
      // Any verified token makes its user known, whatever the route then answers.
      await as(user, 'GET', '/api/referrals?limit=1');
    }
    hidden = await referral(RITA);
    open = await referral(RITA);
    alone = await referral({ name: 'Nell Nobody-Else', phone: '07700 900432' });
    const complaint = await ok('creator', '/api/complaints', { receivedAt: new Date().toISOString(), channel: 'email', complainant: { name: 'Carl Complainant' }, summary: 'About an officer', subjects: [{ kind: 'officer', identifier: 'PC 4410' }], wantsRecording: false });
    officer = (await harness.sql<{ officer: string }>("SELECT data->'subjects'->0->>'subjectId' AS officer FROM events WHERE type = 'ComplaintLogged' AND data->>'complaintId' = $1", [complaint.id]))[0]!.officer;
    for (const id of [hidden.id, alone.id, complaint.id!]) await ok('creator', `/api/cases/${id}/restricted-access`, { reason: 'staff-member-involved', users: ['cm-named', 'adm-named'], teams: [] });
    personId = (await ok('cm-named', '/api/people', { subjectId: hidden.subjectId, reason: 'Same name and phone' })).personId!;
    await ok('creator', `/api/people/${personId}/subjects`, { subjectId: open.subjectId, reason: 'Same name and phone' });
    onlyHiddenPersonId = (await ok('cm-named', '/api/people', { subjectId: alone.subjectId, reason: 'Known to the centre' })).personId!;
  });
  afterAll(() => harness.close());

  it('exports only the cases an administrator not named may see, says how many are withheld, and logs only those read', async () => {
    const exported = await exportOf('adm-other', personId);
    expect(exported.statusCode).toBe(200);
    expect(exportedCases(exported)).toEqual([open.id]);
    expect(exported.json()).toMatchObject({ restrictedCasesWithheld: 1 });
    expect(exported.body).not.toContain(hidden.id);
    expect(exported.body).not.toContain(hidden.subjectId);

    const document = await exportOf('adm-other', personId, 'html');
    expect(document.body).toContain('This document leaves out 1 case that is restricted to named staff.');
    expect(document.body).toContain('An auditor or a person named on that case must complete that part of the request.');
    expect(document.body).not.toContain(hidden.id);

    const logged = await harness.sql<{ caseIds: string[] }>(
      "SELECT data->'caseIds' AS \"caseIds\" FROM events WHERE type = 'CaseAccessed' AND data->>'route' = '/api/admin/people/:personId/export' AND metadata->'actor'->>'sub' = 'adm-other'",
    );
    expect(logged.map(({ caseIds }) => caseIds)).toEqual([[open.id], [open.id]]);
  });

  it.each(['adm-named', 'aud'])('exports every case to %s, with nothing withheld', async (user) => {
    const exported = await exportOf(user, personId);
    expect(exported.statusCode).toBe(200);
    expect(exportedCases(exported)).toEqual([hidden.id, open.id].sort());
    expect(exported.json()).toMatchObject({ restrictedCasesWithheld: 0 });
    expect(JSON.stringify(exported.json<{ links: unknown[] }>().links)).toContain(hidden.subjectId);
    expect((await exportOf(user, personId, 'html')).body).not.toContain('must complete that part of the request');
  });

  it('answers for a person whose every case is withheld as for no person at all', async () => {
    const unknownId = randomUUID();
    const [withheld, unknown] = await Promise.all([exportOf('adm-other', onlyHiddenPersonId), exportOf('adm-other', unknownId)]);
    expect({ status: withheld.statusCode, body: withheld.body.replaceAll(onlyHiddenPersonId, '<id>') }).toEqual({ status: 404, body: unknown.body.replaceAll(unknownId, '<id>') });
    expect(exportedCases(await exportOf('aud', onlyHiddenPersonId))).toEqual([alone.id]);
    expect((await exportOf('cm-named', onlyHiddenPersonId)).statusCode).toBe(403);
  });

  it("answers 404 to anyone not named who links or unlinks a restricted case's data subject, and appends nothing", async () => {
    const before = await eventCount();
    const unknownSubject = randomUUID();
    const attempts = {
      confirm: (subjectId: string) => as('cm-other', 'POST', '/api/people', { subjectId, reason: 'Looks like her' }),
      link: (subjectId: string) => as('cm-other', 'POST', `/api/people/${personId}/subjects`, { subjectId, reason: 'Looks like her' }),
      unlink: (subjectId: string) => as('cm-other', 'POST', `/api/people/${personId}/subjects/${subjectId}/unlink`, { reason: 'Not her' }),
    };
    for (const [name, attempt] of Object.entries(attempts)) {
      const subjectId = name === 'link' ? alone.subjectId : hidden.subjectId;
      const [restricted, unknown] = [await attempt(subjectId), await attempt(unknownSubject)];
      expect({ name, status: restricted.statusCode, body: restricted.body.replaceAll(subjectId, '<id>') }).toEqual({ name, status: 404, body: unknown.body.replaceAll(unknownSubject, '<id>') });
    }
    const [aboutOfficer, unknown] = [await as('crt-other', 'POST', '/api/people', { subjectId: officer, reason: 'Same officer' }), await as('crt-other', 'POST', '/api/people', { subjectId: unknownSubject, reason: 'Same officer' })];
    expect({ status: aboutOfficer.statusCode, body: aboutOfficer.body.replaceAll(officer, '<id>') }).toEqual({ status: 404, body: unknown.body.replaceAll(unknownSubject, '<id>') });
    expect(await eventCount()).toBe(before);
    // Named, the same unlink goes through.
    await ok('cm-named', `/api/people/${personId}/subjects/${hidden.subjectId}/unlink`, { reason: 'Not her after all' });
    await ok('cm-named', `/api/people/${personId}/subjects`, { subjectId: hidden.subjectId, reason: 'Her after all' });
  });

  it("decides on a person's records only in the cases the administrator may see; on none, 404 and nothing appended", async () => {
    const before = await eventCount();
    expect((await as('adm-other', 'POST', `/api/admin/people/${onlyHiddenPersonId}/restrict`, { ground: 'art18-accuracy-contested', requestReference: 'DSAR-2026-0007' })).statusCode).toBe(404);
    expect(await eventCount()).toBe(before);

    const restricted = await ok('adm-other', `/api/admin/people/${personId}/restrict`, { ground: 'art18-accuracy-contested', requestReference: 'DSAR-2026-0007' });
    expect(restricted).toMatchObject({ subjects: [expect.objectContaining({ subjectId: open.subjectId })], restrictedCasesWithheld: 1 });
    expect(restricted.subjects).toHaveLength(1);
    const victimName = async (caseId: string) => (await as('cm-named', 'GET', `/api/referrals/${caseId}`)).json<{ victim: { name: string } }>().victim.name;
    expect(await victimName(open.id)).toBe('[restricted]');
    expect(await victimName(hidden.id)).toBe(RITA.name);

    const named = await ok('adm-named', `/api/admin/people/${personId}/restrict`, { ground: 'art18-accuracy-contested', requestReference: 'DSAR-2026-0007' });
    expect(named).toMatchObject({ subjects: [expect.objectContaining({ subjectId: hidden.subjectId })], restrictedCasesWithheld: 0 });
    expect(await victimName(hidden.id)).toBe('[restricted]');
  });

  it("answers 404 to an administrator not named who decides on a restricted case's data subject, or the case's own, and appends nothing", async () => {
    const before = await eventCount();
    const unknownSubject = randomUUID();
    const lift = (user: string, subjectId: string) => as(user, 'POST', `/api/admin/data-subjects/${subjectId}/lift-restriction`, { ground: 'accuracy-verified', requestReference: 'DSAR-2026-0007' });
    const unknown = await lift('adm-other', unknownSubject);
    expect(unknown.statusCode).toBe(404);
    for (const subjectId of [hidden.subjectId, hidden.id]) {
      const refused = await lift('adm-other', subjectId);
      expect({ subjectId, status: refused.statusCode, body: refused.body.replaceAll(subjectId, '<id>') }).toEqual({ subjectId, status: 404, body: unknown.body.replaceAll(unknownSubject, '<id>') });
    }
    expect(await eventCount()).toBe(before);
    await ok('adm-named', `/api/admin/data-subjects/${hidden.subjectId}/lift-restriction`, { ground: 'accuracy-verified', requestReference: 'DSAR-2026-0007' });
    expect((await as('cm-named', 'GET', `/api/referrals/${hidden.id}`)).json<{ victim: { name: string } }>().victim.name).toBe(RITA.name);
  });
  it('logs each refusal on the people routes as a refusal of the restricted case, for the auditor to see', async () => {
    await as('cm-other', 'POST', `/api/people/${personId}/subjects`, { subjectId: alone.subjectId, reason: 'Looks like her' });
    await exportOf('adm-other', personId);
    await as('adm-other', 'POST', `/api/admin/data-subjects/${hidden.subjectId}/erase`, { ground: 'art17-objection', requestReference: 'DSAR-2026-0008' });
    const refusalsOf = async (caseId: string) =>
      (await as('aud', 'GET', `/api/audit/access-log?case=${caseId}&limit=200`)).json<{ items: { user: string; refused: boolean; route: string }[] }>().items.filter(({ refused }) => refused);
    expect(await refusalsOf(alone.id)).toContainEqual(expect.objectContaining({ user: 'cm-other', route: '/api/people/:personId/subjects' }));
    expect(await refusalsOf(hidden.id)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ user: 'adm-other', route: '/api/admin/people/:personId/export' }),
        expect.objectContaining({ user: 'adm-other', route: '/api/admin/data-subjects/:subjectId/:decision' }),
      ]),
    );
  });
});
