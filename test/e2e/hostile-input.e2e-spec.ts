import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { bearer, startTestApp, type TestApp, type TestResponse } from '../support/test-app.ts';
import { fieldsOf } from '../support/following-requests.ts';

/** Faults and hostile input (issue 21): what the sweep over every route does not show one by one. */

const DAY = 86_400_000;
const dateIn = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
const victim = { name: 'Ann Example', phone: '07700 900123' };
const consent = { contact: true, dataSharing: true, basis: 'explicit' };
const referral = { source: 'self', crimeType: 'burglary', victim, consent };
const proposal = {
  crimeReference: '41/7777/26',
  offenceType: 'criminal-damage',
  offenceDate: dateIn(-10),
  offender: { name: 'Owen Fender', dateOfBirth: '1996-11-02' },
  evidenceSufficient: true,
  offenderAdmits: true,
  offenderAgrees: true,
  victims: [{ name: 'Vic Tim', consulted: true, consents: true }],
  rationale: 'First offence, admitted',
};
const complaint = {
  receivedAt: new Date(Date.now() - DAY).toISOString(),
  channel: 'email',
  complainant: { name: 'Carl Complainant' },
  summary: 'The officer was rude',
  subjects: [{ kind: 'officer' }],
};

describe('hostile input', () => {
  let harness: TestApp;
  let everyone: string;

  beforeAll(async () => {
    harness = await startTestApp();
    everyone = await bearer(['case_manager', 'supervisor', 'crt_officer', 'resolution_officer', 'auditor', 'admin'], 'hostile');
  });
  afterAll(() => harness.close());

  const post = (url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<TestResponse> =>
    harness.request({ method: 'POST', url, payload: payload === undefined ? undefined : typeof payload === 'string' ? payload : JSON.stringify(payload), headers: { authorization: everyone, 'content-type': 'application/json', ...headers } });
  const created = async (url: string, body: object) => {
    const response = await post(url, body);
    expect(response.statusCode).toBe(201);
    return response.json().id as string;
  };

  it('refuses an array where an object belongs and an object where an array does, naming the field', async () => {
    expect(fieldsOf(await post('/api/referrals', { ...referral, victim: [] }))).toEqual({ status: 400, fields: ['victim'] });
    expect(fieldsOf(await post('/api/referrals', { ...referral, consent: [] }))).toEqual({ status: 400, fields: ['consent'] });
    // Was stored as {"0": {…}}, the legal basis lost.
    expect(fieldsOf(await post('/api/referrals', { ...referral, consent: [consent] }))).toMatchObject({ status: 400, fields: expect.arrayContaining(['consent']) });
    // Was a 500.
    expect(fieldsOf(await post('/api/community-resolutions', { ...proposal, offender: [proposal.offender] }))).toMatchObject({ status: 400, fields: expect.arrayContaining(['offender']) });
    expect(fieldsOf(await post('/api/community-resolutions', { ...proposal, victims: proposal.victims[0] }))).toMatchObject({ status: 400, fields: expect.arrayContaining(['victims']) });
    expect(fieldsOf(await post('/api/complaints', { ...complaint, subjects: [[{ kind: 'officer' }]] }))).toMatchObject({ status: 400, fields: expect.arrayContaining(['subjects']) });
  });

  it('refuses unknown fields named like Object.prototype members, as any unknown field', async () => {
    for (const name of ['toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf']) {
      expect(fieldsOf(await post('/api/referrals', { ...referral, [name]: 'x' }))).toEqual({ status: 400, fields: [name] });
      expect(fieldsOf(await post('/api/referrals', { ...referral, victim: { ...victim, [name]: 'x' } }))).toEqual({ status: 400, fields: [`victim.${name}`] });
    }
  });

  it('refuses text PostgreSQL cannot hold in a query string, naming the parameter', async () => {
    for (const url of ['/api/referrals?q=%00', '/api/complaints?q=a%00b', '/api/community-resolutions?q=%00', '/api/audit/access-log?user=%00']) {
      expect({ url, ...fieldsOf(await harness.request({ method: 'GET', url, headers: { authorization: everyone } })) }).toEqual({ url, status: 400, fields: [url.split('?')[1]!.split('=')[0]] });
    }
  });

  it('refuses a NUL in a body field, a query parameter or a path parameter of any route, naming it and storing nothing', async () => {
    const id = await created('/api/referrals', referral);
    const caseEvents = async () => (await harness.sql("SELECT count(*)::int AS n FROM events WHERE stream NOT LIKE 'access-log-%'"))[0].n;
    const before = await caseEvents();
    expect(fieldsOf(await post('/api/referrals', { ...referral, victim: { ...victim, name: 'Ann\u0000' } }))).toEqual({ status: 400, fields: ['victim.name'] });
    // The route reads no query string: the body alone would have made a referral.
    expect(fieldsOf(await post('/api/referrals?source=%00', referral))).toEqual({ status: 400, fields: ['source'] });
    expect(fieldsOf(await post(`/api/referrals/${id}%00/accept-support`, {}))).toEqual({ status: 400, fields: ['id'] });
    expect(fieldsOf(await post('/api/admin/projections/referral-list%00/rebuild', {}))).toEqual({ status: 400, fields: ['name'] });
    expect(fieldsOf(await post('/api/admin/settings/lists/declineReasons/entries/moved%00/retire', {}))).toEqual({ status: 400, fields: ['entryId'] });
    // Were 404s: a lookup that found nothing.
    for (const url of ['/api/referrals/a%00b', `/api/audit/cases/${id}%00/events`]) {
      expect({ url, ...fieldsOf(await harness.request({ method: 'GET', url, headers: { authorization: everyone } })) }).toEqual({ url, status: 400, fields: ['id'] });
    }
    expect(await caseEvents()).toBe(before);
  });

  it('refuses a JSON body holding __proto__ or constructor.prototype, saying so, and stores nothing', async () => {
    const caseEvents = async () => (await harness.sql("SELECT count(*)::int AS n FROM events WHERE type = 'ReferralReceived'"))[0].n;
    const before = await caseEvents();
    const valid = JSON.stringify(referral);
    expect(valid).toContain('"victim":{');
    const poisoning = [
      valid.replace('{', '{"__proto__":{"isAdmin":true},'),
      valid.replace('{', '{"constructor":{"prototype":{"isAdmin":true}},'),
      valid.replace('"victim":{', '"victim":{"__proto__":{"isAdmin":true},'),
    ];
    for (const poisoned of poisoning) {
      const response = await post('/api/referrals', poisoned);
      expect({ poisoned, status: response.statusCode, type: response.headers['content-type'], detail: response.json().detail }).toEqual({
        poisoned,
        status: 400,
        type: expect.stringMatching(/^application\/problem\+json/),
        detail: 'Body must not contain the key __proto__ or constructor.prototype',
      });
    }
    expect((await post('/api/referrals', '{"victim":')).json().detail).not.toContain('__proto__');
    expect(await caseEvents()).toBe(before);
  });

  describe('JSON nested 5,000 levels deep, on every command route', () => {
    const deepArray = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const deepObject = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
    const documentedRoutes = async () => {
      const doc = (await harness.request({ method: 'GET', url: '/api/docs-json' })).json<{ paths: Record<string, { post?: unknown }> }>();
      const concrete: Record<string, string> = { list: 'crimeTypes', decision: 'erase', name: 'referral-list', entryId: 'burglary', position: '1' };
      return Object.entries(doc.paths)
        .filter(([, methods]) => methods.post)
        .map(([path]) => path.replace(/\{(\w+)\}/g, (_whole, name: string) => concrete[name] ?? randomUUID()));
    };

    it('is a 400 naming the depth limit, before anything recurses into it, with or without an Idempotency-Key', async () => {
      const routes = await documentedRoutes();
      expect(routes.length).toBeGreaterThan(35);
      for (const url of routes) {
        for (const [body, headers] of [[deepArray, {}], [deepObject, { 'idempotency-key': randomUUID() }]] as const) {
          const response = await post(url, body, headers);
          expect({ url, status: response.statusCode, message: response.json().errors?.[0]?.message }).toEqual({ url, status: 400, message: 'JSON may nest at most 32 levels deep' });
        }
      }
    });
  });

  describe('commands without details', () => {
    const cases = async () => {
      const referralId = await created('/api/referrals', referral);
      const resolutionId = await created('/api/community-resolutions', proposal);
      expect((await post('/api/admin/settings/lists/declineReasons/entries', { id: 'moved-away', label: 'Moved away' })).statusCode).toBe(200);
      return [`/api/referrals/${referralId}/accept-support`, `/api/community-resolutions/${resolutionId}/close`, '/api/admin/settings/lists/declineReasons/entries/moved-away/retire'];
    };

    it('refuse any body but nothing or {}: arrays, null, padding, and form encoding (415, problem+json)', async () => {
      for (const url of [...(await cases()), '/api/admin/projections/referral-list/rebuild', '/api/admin/projections/referral-list/parked/replay']) {
        for (const body of [[], [{}], null, 'text', { padding: 'x'.repeat(900_000) }]) expect({ url, status: (await post(url, body)).statusCode }).toEqual({ url, status: 400 });
        const form = await post(url, 'padding=x', { 'content-type': 'application/x-www-form-urlencoded' });
        expect({ url, status: form.statusCode, type: form.headers['content-type'] }).toEqual({ url, status: 415, type: expect.stringMatching(/^application\/problem\+json/) });
        expect({ url, status: (await post(url, 'plain', { 'content-type': 'text/plain' })).statusCode }).toEqual({ url, status: 415 });
      }
    });

    it('take nothing, or {}', async () => {
      const [acceptSupport, close, retire] = await cases();
      expect((await harness.request({ method: 'POST', url: acceptSupport!, headers: { authorization: everyone } })).statusCode).toBe(200);
      expect((await post(close!, {})).statusCode).toBe(409); // a rule of the case, past validation: no remedy agreed
      expect((await post(retire!, {})).statusCode).toBe(200);
    });
  });

  it('refuses dates no case can hold, saying the bounds', async () => {
    const longAgo = '1800-01-01';
    const birth = await post('/api/referrals', { ...referral, victim: { ...victim, dateOfBirth: longAgo }, offenceDate: longAgo });
    expect(birth.json().errors).toEqual([
      { field: 'offenceDate', message: 'offenceDate must be a date from 2000-01-01' },
      { field: 'victim.dateOfBirth', message: 'victim.dateOfBirth must be a date from 1900-01-01' },
    ]);
    expect((await post('/api/complaints', { ...complaint, incidentDate: longAgo })).json().errors).toEqual([{ field: 'incidentDate', message: 'incidentDate must be a date from 2000-01-01' }]);
    const id = await created('/api/referrals', referral);
    const contact = await post(`/api/referrals/${id}/contacts`, { outcome: 'made', channel: 'phone', at: `${longAgo}T10:00:00Z` });
    expect(contact.json().errors).toEqual([{ field: 'at', message: 'at must be a time from 2000-01-01' }]);
    // A fact in the future is a rule of the case, named as such.
    expect((await post('/api/referrals', { ...referral, offenceDate: dateIn(2) })).json()).toMatchObject({ status: 409, rule: 'offence-date-in-future' });

    const doc = (await harness.request({ method: 'GET', url: '/api/docs-json' })).json();
    expect(doc.components.schemas.VictimDto.properties.dateOfBirth.description).toContain('1900-01-01');
    expect(doc.components.schemas.RecordContactDto.properties.at.description).toContain('2000-01-01');
  });

  describe('data-subject decisions', () => {
    const subject = async () => {
      const id = await created('/api/referrals', referral);
      const [key] = await harness.sql<{ subject_id: string }>(
        "SELECT subject_id FROM data_subject_keys WHERE subject_id = (SELECT data->'victim'->>'subjectId' FROM events WHERE stream = $1 AND revision = 0)",
        [`referral-${id}`],
      );
      return key!.subject_id;
    };
    const keyOf = async (subjectId: string) => (await harness.sql('SELECT wrapped_key IS NOT NULL AS held FROM data_subject_keys WHERE subject_id = $1', [subjectId]))[0];
    const records = async (subjectId: string) => (await harness.sql('SELECT count(*)::int AS n FROM events WHERE stream = $1', [`data-subject-${subjectId}`]))[0].n;

    it('are looked up among their own names: a name inherited from Object is a 404', async () => {
      const subjectId = await subject();
      for (const decision of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
        expect({ decision, status: (await post(`/api/admin/data-subjects/${subjectId}/${decision}`, { ground: 'art17-objection', requestReference: 'DSAR-1' })).statusCode }).toEqual({ decision, status: 404 });
      }
      expect(await keyOf(subjectId)).toEqual({ held: true });
    });

    it('refuse an erasure whose request reference cannot be stored before destroying anything', async () => {
      const subjectId = await subject();
      const response = await post(`/api/admin/data-subjects/${subjectId}/erase`, { ground: 'art17-objection', requestReference: 'DSAR\u0000-17' });
      expect(fieldsOf(response)).toEqual({ status: 400, fields: ['requestReference'] });
      expect(await keyOf(subjectId)).toEqual({ held: true });
      expect(await records(subjectId)).toBe(0);
    });

    it('record, on the next start, an erasure that destroyed the key and stopped before its record, and rebuild the read models', async () => {
      const subjectId = await subject();
      const [{ stream }] = await harness.sql("SELECT stream FROM events WHERE data->'victim'->>'subjectId' = $1", [subjectId]);
      const referralUrl = `/api/referrals/${String(stream).replace('referral-', '')}`;
      const victimName = async () => (await harness.request({ method: 'GET', url: referralUrl, headers: { authorization: everyone } })).json().victim?.name;
      while ((await victimName()) !== victim.name) await new Promise((resolve) => setTimeout(resolve, 50));
      // What the erasure does first, then a crash.
      await harness.sql('UPDATE data_subject_keys SET wrapped_key = NULL, erased_at = now() WHERE subject_id = $1', [subjectId]);
      await harness.restart();

      const [record] = await harness.sql("SELECT type, data->>'ground' AS ground, data->'requestReference' AS reference, data ? 'reason' AS reasoned FROM events WHERE stream = $1", [`data-subject-${subjectId}`]);
      expect(record).toEqual({ type: 'PersonalDataErased', ground: 'not-recorded', reference: null, reasoned: false });
      while ((await victimName()) !== '[erased]') await new Promise((resolve) => setTimeout(resolve, 50));
      // Recorded once: a later start finds the record.
      await harness.restart();
      expect(await records(subjectId)).toBe(1);
    });
  });
});
