import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Role } from '../../src/auth/roles.ts';
import { bearer, startTestApp, type TestApp, type TestResponse } from '../support/test-app.ts';

/**
 * Need to know inside a role: a referral, a complaint and a Community Resolution restricted to named users and a
 * team, read, listed and changed by every role, named and not; and every case route of the OpenAPI document walked
 * by someone not named, who must get what a case that does not exist gets.
 */

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const dateIn = (days: number) => daysAgo(-days).slice(0, 10);

const CASES = {
  referral: {
    base: '/api/referrals',
    body: { source: 'self', crimeType: 'burglary', victim: { name: 'Rita Restricted', phone: '07700 900777' }, consent: { contact: true, dataSharing: false, basis: 'explicit' }, receivedAt: daysAgo(1) },
    command: { path: 'contacts', body: { outcome: 'made', channel: 'phone', at: daysAgo(0.01), note: 'Spoke' } },
  },
  complaint: {
    base: '/api/complaints',
    body: { receivedAt: daysAgo(1), channel: 'email', complainant: { name: 'Carla Restricted', email: 'carla@example.org' }, summary: 'About a chief officer', incidentDate: dateIn(-10), subjects: [{ kind: 'officer', identifier: 'ACC 1' }], wantsRecording: false },
    command: { path: 'contact-complainant', body: { at: daysAgo(0.01), channel: 'phone', views: 'Wants an apology' } },
  },
  resolution: {
    base: '/api/community-resolutions',
    body: {
      crimeReference: '41/9999/26',
      offenceType: 'criminal-damage',
      offenceDate: dateIn(-10),
      offender: { name: 'Oscar Restricted', dateOfBirth: '1990-11-02' },
      evidenceSufficient: true,
      offenderAdmits: true,
      offenderAgrees: true,
      victims: [{ name: 'Vera Victim', contact: '07700 900002', consulted: true, views: 'Fence repaired', consents: true }],
      flags: { domesticAbuse: false, intimatePartner: false, hateCrime: false },
      rationale: 'First offence',
    },
    command: { path: 'remedies', body: { type: 'written-apology', chosenByVictim: true, details: 'By letter', dueDate: dateIn(14) } },
  },
} as const;
type Kind = keyof typeof CASES;
const KINDS = Object.keys(CASES) as Kind[];

/** Each user: roles, teams, and what they get for each kind's page (403: their role does not read that kind at all). */
const MATRIX: { user: string; roles: Role[]; teams?: string[]; page: Record<Kind, 200 | 403 | 404> }[] = [
  { user: 'cm-named', roles: ['case_manager'], page: { referral: 200, complaint: 403, resolution: 403 } },
  { user: 'cm-other', roles: ['case_manager'], page: { referral: 404, complaint: 403, resolution: 403 } },
  { user: 'crt-named', roles: ['crt_officer'], page: { referral: 403, complaint: 200, resolution: 403 } },
  { user: 'crt-other', roles: ['crt_officer'], page: { referral: 403, complaint: 404, resolution: 403 } },
  { user: 'psd-member', roles: ['crt_officer'], teams: ['psd'], page: { referral: 403, complaint: 200, resolution: 403 } },
  { user: 'po-named', roles: ['resolution_officer'], page: { referral: 403, complaint: 403, resolution: 200 } },
  { user: 'po-other', roles: ['resolution_officer'], page: { referral: 403, complaint: 403, resolution: 404 } },
  { user: 'sup-named', roles: ['supervisor'], page: { referral: 200, complaint: 200, resolution: 200 } },
  { user: 'sup-other', roles: ['supervisor'], teams: ['vcc-north'], page: { referral: 404, complaint: 404, resolution: 404 } },
  { user: 'aud', roles: ['auditor'], page: { referral: 200, complaint: 200, resolution: 200 } },
  { user: 'adm', roles: ['admin'], page: { referral: 403, complaint: 403, resolution: 403 } },
];
const NAMED = { users: ['cm-named', 'crt-named', 'po-named'], teams: ['psd'] };

describe('restricted access: need to know inside a role', () => {
  let harness: TestApp;
  const tokens: Record<string, string> = {};
  const ids = {} as Record<Kind, string>;
  let lastPosition = '0';
  let reportBefore: unknown;
  let reportAfter: unknown;

  const as = (user: string, method: 'GET' | 'POST', url: string, payload?: object): Promise<TestResponse> =>
    harness.request({ method, url, payload, headers: { authorization: tokens[user]!, 'x-min-position': lastPosition } });
  async function ok(user: string, url: string, payload: object): Promise<Record<string, string>> {
    const response = await as(user, 'POST', url, payload);
    expect({ url, body: response.statusCode < 300 ? 'ok' : response.body }).toEqual({ url, body: 'ok' });
    lastPosition = response.json().position;
    return response.json();
  }
  const eventsIn = async (caseId: string) => (await harness.sql<{ n: string }>('SELECT count(*) AS n FROM events WHERE stream LIKE $1', [`%${caseId}`]))[0]!.n;
  const complaintsReport = () => as('sup-other', 'GET', `/api/reports/complaints?from=${dateIn(-30)}&to=${dateIn(0)}`);

  beforeAll(async () => {
    harness = await startTestApp();
    tokens.creator = await bearer(['case_manager', 'crt_officer', 'resolution_officer', 'supervisor'], 'creator');
    tokens.nosy = await bearer(['case_manager', 'crt_officer', 'resolution_officer', 'supervisor'], 'nosy');
    for (const { user, roles, teams } of MATRIX) {
      tokens[user] = await bearer(roles, user, teams);
      // Any verified token makes its user known, whatever the route then answers.
      await as(user, 'GET', '/api/referrals?limit=1');
    }
    for (const kind of KINDS) ids[kind] = (await ok('creator', CASES[kind].base, CASES[kind].body)).id!;
    reportBefore = (await complaintsReport()).json();
    for (const kind of KINDS) await ok('sup-named', `/api/cases/${ids[kind]}/restricted-access`, { reason: 'staff-member-involved', ...NAMED });
    reportAfter = (await complaintsReport()).json();
  });
  afterAll(() => harness.close());

  it('records who restricted the case, why, since when and who is named, for supervisors and auditors', async () => {
    for (const user of ['sup-named', 'aud']) {
      const response = await as(user, 'GET', `/api/cases/${ids.complaint}/restricted-access`);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual({ restricted: true, reason: 'staff-member-involved', users: ['sup-named', ...NAMED.users], teams: ['psd'], since: expect.any(String), changedBy: 'sup-named', changedAt: expect.any(String) });
    }
    expect((await as('sup-other', 'GET', `/api/cases/${ids.complaint}/restricted-access`)).statusCode).toBe(404);
    expect((await as('sup-named', 'POST', `/api/cases/${ids.complaint}/restricted-access`, { reason: 'high-profile', users: [], teams: [] })).json()).toMatchObject({ status: 409, rule: 'already-restricted' });
    expect((await as('sup-named', 'POST', `/api/cases/${ids.complaint}/restricted-access`, { reason: 'high-profile', users: ['nobody-known'], teams: [] })).json()).toMatchObject({ status: 400, errors: [{ field: 'users' }] });
    expect((await as('sup-named', 'POST', `/api/cases/${randomUUID()}/restricted-access`, { reason: 'high-profile', users: [], teams: [] })).statusCode).toBe(404);
  });

  it.each(KINDS)("answers each role's users, named or not, as need to know says, for a restricted %s's page and list", async (kind) => {
    const { base } = CASES[kind];
    const seen = [];
    for (const { user } of MATRIX) {
      const read = await as(user, 'GET', `${base}/${ids[kind]}`);
      const list = await as(user, 'GET', `${base}?limit=200`);
      const listed = list.statusCode === 200 ? list.json<{ items: { id: string }[] }>().items.some((item) => item.id === ids[kind]) : list.statusCode;
      seen.push({ user, page: read.statusCode, listed });
    }
    expect(seen).toEqual(MATRIX.map(({ user, page }) => ({ user, page: page[kind], listed: page[kind] === 403 ? 403 : page[kind] === 200 })));
  });

  it.each(KINDS)('lets only named people change a restricted %s; anyone else gets 404 and appends nothing', async (kind) => {
    const { base, command } = CASES[kind];
    const url = `${base}/${ids[kind]}/${command.path}`;
    const before = await eventsIn(ids[kind]);
    for (const user of MATRIX.filter(({ page }) => page[kind] === 404).map(({ user }) => user)) {
      expect({ user, status: (await as(user, 'POST', url, command.body)).statusCode }).toEqual({ user, status: 404 });
    }
    expect(await eventsIn(ids[kind])).toBe(before);
    const named = MATRIX.find(({ user, page }) => page[kind] === 200 && user !== 'aud' && user !== 'sup-named')!.user;
    await ok(named, url, command.body);
  });

  it('finds a restricted referral by name only for those named', async () => {
    const found = async (user: string) => (await as(user, 'GET', '/api/referrals?q=Rita%20Restricted')).json<{ items: { id: string }[] }>().items.map((item) => item.id);
    expect(await found('cm-named')).toEqual([ids.referral]);
    expect(await found('cm-other')).toEqual([]);
    expect(await found('aud')).toEqual([ids.referral]);
  });

  it("leaves a restricted case out of possible matches and people search for those not named on it", async () => {
    const other = await ok('creator', CASES.referral.base, { ...CASES.referral.body, crimeType: 'theft' });
    const matchedCases = async (user: string) =>
      (await as(user, 'GET', other.possibleMatches!)).json<{ subjects: { candidates: { cases: { caseId: string }[] }[] }[] }>().subjects.flatMap((subject) => subject.candidates.flatMap((candidate) => candidate.cases.map(({ caseId }) => caseId)));
    const searchedCases = async (user: string) =>
      (await as(user, 'GET', '/api/admin/people?q=Rita%20Restricted')).json<{ items: { cases: { caseId: string }[] }[] }>().items.flatMap((item) => item.cases.map(({ caseId }) => caseId));
    expect(await matchedCases('cm-named')).toContain(ids.referral);
    expect(await matchedCases('aud')).toContain(ids.referral);
    expect(await matchedCases('cm-other')).not.toContain(ids.referral);
    expect((await as('cm-other', 'GET', `/api/people/cases/${ids.referral}/possible-matches`)).statusCode).toBe(404);
    expect(await searchedCases('aud')).toContain(ids.referral);
    expect(await searchedCases('adm')).toEqual([other.id]);
  });

  it("still counts a restricted case in the report totals of someone not named on it", async () => {
    expect(reportAfter).toEqual(reportBefore);
    expect(reportAfter).toMatchObject({ logged: 1 });
  });

  it("leaves a restricted complaint out of a dip sample's files for a supervisor not named on it, but not out of the draw", async () => {
    const drawn = await ok('sup-other', '/api/complaints/dip-sample', { size: 5, seed: 'need-to-know', from: dateIn(-30), to: dateIn(0) });
    expect(drawn).toMatchObject({ populationSize: 1, complaints: [] });
    const files = async (user: string) => (await as(user, 'GET', `/api/complaints/dip-samples/${drawn.id}`)).json<{ complaints: { id: string }[] }>().complaints.map(({ id }) => id);
    expect(await files('sup-other')).toEqual([]);
    expect(await files('sup-named')).toEqual([ids.complaint]);
    expect(await files('aud')).toEqual([ids.complaint]);
  });

  it('walks every route that names a case: someone not named gets what a case that does not exist gets, and nothing is written', async () => {
    const doc = (await harness.request({ method: 'GET', url: '/api/docs-json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
    const idFor = (template: string): string => (template.startsWith('/api/complaints') ? ids.complaint : template.startsWith('/api/community-resolutions') ? ids.resolution : ids.referral);
    const before = await Promise.all(KINDS.map((kind) => eventsIn(ids[kind])));
    const walked: { route: string; status: number }[] = [];
    for (const [template, methods] of Object.entries(doc.paths)) {
      // Auditors always see a case; a dip sample's id names a draw, not a case.
      if (!template.includes('{id}') || template.startsWith('/api/audit/') || template.includes('dip-samples')) continue;
      const parts = template.replace(/\{(?!id\})[^}]+\}/g, randomUUID());
      for (const method of Object.keys(methods).filter((name) => name === 'get' || name === 'post')) {
        const send = (caseId: string) => as('nosy', method.toUpperCase() as 'GET' | 'POST', parts.replace('{id}', caseId), method === 'post' ? {} : undefined);
        const unknownId = randomUUID();
        const [restricted, unknown] = await Promise.all([send(idFor(template)), send(unknownId)]);
        const route = `${method.toUpperCase()} ${template}`;
        expect({ route, status: restricted.statusCode, body: restricted.body.replaceAll(idFor(template), '<id>') }).toEqual({ route, status: unknown.statusCode, body: unknown.body.replaceAll(unknownId, '<id>') });
        walked.push({ route, status: restricted.statusCode });
      }
    }
    // Every read and every command that needs no details is a 404; a command given `{}` where it needs details is a 400 either way.
    expect(walked.filter(({ route, status }) => route.startsWith('GET') && status !== 404)).toEqual([]);
    expect(walked.filter(({ status }) => status === 404).length).toBeGreaterThanOrEqual(7);
    expect(walked.filter(({ status }) => status !== 404 && status !== 400)).toEqual([]);
    expect(await Promise.all(KINDS.map((kind) => eventsIn(ids[kind])))).toEqual(before);
  });

  it('logs every read and every refusal of a restricted case', async () => {
    expect((await as('cm-other', 'GET', `/api/referrals/${ids.referral}`)).statusCode).toBe(404);
    expect((await as('cm-named', 'GET', `/api/referrals/${ids.referral}`)).statusCode).toBe(200);
    // A write after both: the log, once it holds it, holds them.
    await ok('sup-named', `/api/cases/${ids.referral}/restricted-access/named`, { reason: 'need-to-know-widened', users: ['cm-named'], teams: ['psd', 'vcc-north'] });
    const log = (await as('aud', 'GET', `/api/audit/access-log?case=${ids.referral}&limit=200`)).json<{ items: { user: string; refused: boolean; route: string }[] }>().items;
    expect(log).toEqual(expect.arrayContaining([
      expect.objectContaining({ user: 'cm-other', refused: true, route: '/api/referrals/:id' }),
      expect.objectContaining({ user: 'cm-named', refused: false, route: '/api/referrals/:id' }),
      expect.objectContaining({ user: 'nosy', refused: true }),
    ]));
  });

  it('changes who is named and lifts the restriction, each an event with who, when and why', async () => {
    // Changed in the test before: sup-other, in team vcc-north, now works on the referral; the case manager is still named.
    expect((await as('sup-other', 'GET', `/api/referrals/${ids.referral}`)).statusCode).toBe(200);
    expect((await as('cm-named', 'GET', `/api/referrals/${ids.referral}`)).statusCode).toBe(200);
    await ok('sup-other', `/api/cases/${ids.referral}/restricted-access/lift`, { reason: 'no-longer-needed' });
    expect((await as('cm-other', 'GET', `/api/referrals/${ids.referral}`)).statusCode).toBe(200);
    expect((await as('sup-other', 'GET', `/api/cases/${ids.referral}/restricted-access`)).json()).toEqual({ restricted: false });
    const events = await harness.sql<{ type: string; actor: string; data: { reason: string; at: string } }>(
      "SELECT type, metadata->'actor'->>'sub' AS actor, data FROM events WHERE stream = $1 ORDER BY revision",
      [`case-access-${ids.referral}`],
    );
    expect(events.map(({ type, actor, data }) => ({ type, actor, reason: data.reason, at: typeof data.at }))).toEqual([
      { type: 'CaseAccessRestricted', actor: 'sup-named', reason: 'staff-member-involved', at: 'string' },
      { type: 'CaseAccessRestrictionChanged', actor: 'sup-named', reason: 'need-to-know-widened', at: 'string' },
      { type: 'CaseAccessRestrictionLifted', actor: 'sup-other', reason: 'no-longer-needed', at: 'string' },
    ]);
    expect((await as('sup-other', 'POST', `/api/cases/${ids.referral}/restricted-access/lift`, { reason: 'no-longer-needed' })).json()).toMatchObject({ status: 409, rule: 'not-restricted' });
  });
});
