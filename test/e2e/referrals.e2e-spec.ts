import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { bearer, knownUser, startTestApp, type TestApp } from '../support/test-app.ts';

const referral = () => ({
  source: 'police',
  crimeReference: '41/1234/26',
  crimeType: 'burglary',
  offenceDate: '2026-02-27',
  crimeReportedOn: '2026-02-28',
  victim: { name: 'Ann Example', dateOfBirth: '1980-05-17', phone: '07700 900123', email: 'ann@example.org', address: '1 High Street, Hertford' },
  consent: { contact: true, dataSharing: true, basis: 'implied' },
});

describe('referrals over HTTP (real app, real PostgreSQL)', () => {
  let harness: TestApp;
  let caseManager: string;
  let supervisor: string;

  beforeAll(async () => {
    harness = await startTestApp();
    caseManager = await bearer(['case_manager']);
    supervisor = await bearer(['supervisor'], 'sue');
    for (const sub of ['bob', 'carol', 'dan', 'm1', 'm2', 'm3', 'm4', 'm5']) await knownUser(harness, sub);
  });
  afterAll(() => harness.close());

  const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
    harness.request({ method: 'POST', url, payload: payload as object, headers: { authorization: caseManager, ...headers } });
  const get = (url: string, headers: Record<string, string> = {}) => harness.request({ method: 'GET', url, headers: { authorization: caseManager, ...headers } });
  const create = async () => {
    const response = await post('/api/referrals', referral());
    expect(response.statusCode).toBe(201);
    return response.json<{ id: string; revision: number; position: string }>();
  };
  const eventsOf = async (id: string) => {
    const client = new pg.Client({ connectionString: harness.database.url });
    await client.connect();
    try {
      return (await client.query('SELECT type, metadata FROM events WHERE stream = $1 ORDER BY revision', [`referral-${id}`])).rows;
    } finally {
      await client.end();
    }
  };

  it('creates a referral: 201, Location, id and revision; GET returns it with its ETag', async () => {
    const response = await post('/api/referrals', referral());
    expect(response.statusCode).toBe(201);
    const body = response.json<{ id: string; revision: number; position: string }>();
    expect(body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), revision: 0, position: expect.stringMatching(/^\d+$/), possibleMatches: `/api/people/cases/${body.id}/possible-matches` });
    expect(response.headers.location).toBe(`/api/referrals/${body.id}`);

    const read = await get(response.headers.location as string, { 'x-min-position': response.json().position });
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('"0"');
    expect(read.json()).toMatchObject({
      id: body.id,
      status: 'received',
      crimeType: { id: 'burglary', label: 'Burglary' },
      victim: { name: 'Ann Example', email: 'ann@example.org' },
      consent: { basis: 'implied' },
      caseManager: null,
    });
  });

  it('shows the priority groups the system proposes before the assessment, and those proposed then after it', async () => {
    const young = { ...referral(), source: 'self', crimeType: 'domestic-abuse', victim: { name: 'Young Example', dateOfBirth: '2010-05-17' } };
    const { id, position } = (await post('/api/referrals', young)).json();
    const proposed = (await get(`/api/referrals/${id}`, { 'x-min-position': position })).json();
    expect(proposed).toMatchObject({ status: 'received', proposedPriorityGroups: ['most-serious-crime', 'vulnerable-or-intimidated'], priorityGroups: [] });
    const assessed = await post(`/api/referrals/${id}/assess`, { needs: ['safety'], riskLevel: 'medium', priorityGroups: ['most-serious-crime'], overrideReason: 'Not in fear' });
    const page = (await get(`/api/referrals/${id}`, { 'x-min-position': assessed.json().position })).json();
    expect(page).toMatchObject({ status: 'assessed', proposedPriorityGroups: ['most-serious-crime', 'vulnerable-or-intimidated'], priorityGroups: ['most-serious-crime'] });
  });

  it('records who, the correlation id and the causation id on every event', async () => {
    const response = await post('/api/referrals', referral(), { 'x-correlation-id': 'corr-123' });
    expect(response.headers['x-correlation-id']).toBe('corr-123');
    const [event] = await eventsOf(response.json().id);
    expect(event.metadata).toEqual({
      actor: { sub: 'alice', roles: ['case_manager'] },
      correlationId: 'corr-123',
      causationId: expect.any(String),
      integrity: { previous: null, hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
  });

  it('answers 401 without a valid token and 403 for a role that may not act', async () => {
    const anonymous = await harness.request({ method: 'POST', url: '/api/referrals', payload: referral() });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
    const forged = await post('/api/referrals', referral(), { authorization: 'Bearer not.a.token' });
    expect(forged.statusCode).toBe(401);
    const complaintsOfficer = await post('/api/referrals', referral(), { authorization: await bearer(['crt_officer']) });
    expect(complaintsOfficer.statusCode).toBe(403);
    expect(complaintsOfficer.json()).toMatchObject({ status: 403, type: '/problems/forbidden' });
  });

  it('lists every failing field in a 400, rejects unknown fields, and writes nothing', async () => {
    const response = await post('/api/referrals', {
      source: 'carrier-pigeon',
      crimeType: '',
      victim: { email: 'not-an-email' },
      consent: { contact: 'yes', dataSharing: true, basis: 'implied' },
      favouriteColour: 'blue',
    });
    expect(response.statusCode).toBe(400);
    const problem = response.json<{ errors: { field: string }[] }>();
    expect(problem).toMatchObject({ type: '/problems/validation', status: 400 });
    expect(new Set(problem.errors.map((error) => error.field))).toEqual(
      new Set(['source', 'crimeType', 'victim.name', 'victim.email', 'consent.contact', 'favouriteColour']),
    );
  });

  it('words each field error once: "favouriteColour should not exist", not the field twice', async () => {
    const response = await post('/api/referrals', { ...referral(), favouriteColour: 'blue', victim: 'Ann Example' });
    expect(response.statusCode).toBe(400);
    const messages = response.json<{ errors: { field: string; message: string }[] }>().errors.map((error) => error.message);
    expect(messages).toEqual(expect.arrayContaining(['favouriteColour should not exist']));
    for (const message of messages) expect(message).not.toMatch(/^(\S+) (property )?\1\b/);
  });

  it('trims text: a required field of spaces is missing, and stray spaces are not stored', async () => {
    const blank = await post('/api/referrals', { ...referral(), crimeReference: '   ', victim: { ...referral().victim, name: ' \t ' } });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors.map((error: { field: string }) => error.field)).toEqual(expect.arrayContaining(['crimeReference', 'victim.name']));
    const padded = await post('/api/referrals', { ...referral(), victim: { ...referral().victim, name: '  Ann Example  ' } });
    expect(padded.statusCode).toBe(201);
    const read = await get(`/api/referrals/${padded.json().id}`, { 'x-min-position': padded.json().position });
    expect(read.json().victim.name).toBe('Ann Example');
  });

  it('finds a name whatever its accents and case, and takes % and _ literally', async () => {
    const created = await post('/api/referrals', { ...referral(), victim: { ...referral().victim, name: 'Siân Ó Súilleabháin' } });
    const position = { 'x-min-position': created.json().position };
    for (const q of ['sian', 'SIÂN', 'o suilleabhain']) {
      expect((await get(`/api/referrals?q=${encodeURIComponent(q)}`, position)).json().items.map((item: { id: string }) => item.id)).toContain(created.json().id);
    }
    expect((await get(`/api/referrals?q=${encodeURIComponent('s%n')}`, position)).json().items).toEqual([]);
  });

  it('answers 400, not 500, to a cursor that was tampered with, on every list', async () => {
    const forged = Buffer.from(JSON.stringify(['not a time', 'not an id'])).toString('base64url');
    const everyone = await bearer(['supervisor']);
    for (const url of ['/api/referrals', '/api/referrals?caseManager=me', '/api/complaints', '/api/community-resolutions']) {
      const response = await get(`${url}${url.includes('?') ? '&' : '?'}cursor=${forged}`, { authorization: everyone });
      expect({ url, status: response.statusCode }).toEqual({ url, status: 400 });
      expect(response.json()).toMatchObject({ type: '/problems/validation', errors: [{ field: 'cursor', message: expect.any(String) }] });
    }
  });

  it('refuses a status filter that no journey can have, naming the ones it can', async () => {
    const response = await get('/api/referrals?status=open');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ field: 'status', message: expect.stringContaining('received, assessed, supported, declined, closed') }]);
    expect((await get('/api/referrals?status=supported')).statusCode).toBe(200);
  });

  it('requires a crime reference from the police and a crime type from the list', async () => {
    const { crimeReference: _omitted, ...withoutReference } = referral();
    const missing = await post('/api/referrals', withoutReference);
    expect(missing.statusCode).toBe(400);
    expect(new Set(missing.json().errors.map((error: { field: string }) => error.field))).toEqual(new Set(['crimeReference']));
    const unknownType = await post('/api/referrals', { ...referral(), crimeType: 'jaywalking' });
    expect(unknownType.statusCode).toBe(400);
    expect(unknownType.json().errors).toEqual([expect.objectContaining({ field: 'crimeType' })]);
  });

  it('answers 400 problem+json to malformed JSON', async () => {
    const response = await harness.request({
      method: 'POST',
      url: '/api/referrals',
      payload: '{"source": "police",',
      headers: { authorization: caseManager, 'content-type': 'application/json' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({ status: 400, type: '/problems/malformed-request' });
  });

  it('answers 409 naming the rule when police refer a domestic abuse victim without explicit consent', async () => {
    const response = await post('/api/referrals', { ...referral(), crimeType: 'domestic-abuse' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ rule: 'explicit-consent-required', status: 409 });
    expect(JSON.stringify(response.json())).not.toContain('Ann Example');
  });

  it('leaves assignment to supervisors: a case manager only takes an unassigned case for themselves, else 403', async () => {
    const { id } = await create();
    const colleague = await post(`/api/referrals/${id}/assign`, { caseManager: 'bob' });
    expect(colleague.statusCode).toBe(403);
    expect(colleague.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(colleague.json()).toMatchObject({ type: '/problems/forbidden', status: 403, rule: 'assignment-by-supervisor' });
    expect((await post(`/api/referrals/${id}/assign`, { caseManager: 'alice' })).statusCode).toBe(200);
    const bob = await knownUser(harness, 'bob');
    expect((await post(`/api/referrals/${id}/assign`, { caseManager: 'bob' }, { authorization: bob })).statusCode).toBe(403);
    expect((await post(`/api/referrals/${id}/assign`, { caseManager: 'bob' }, { authorization: supervisor })).statusCode).toBe(200);
    expect(await eventsOf(id)).toHaveLength(3);
  });

  it('answers 404 for a case that does not exist', async () => {
    expect((await get(`/api/referrals/${randomUUID()}`)).statusCode).toBe(404);
    expect((await get('/api/referrals/not-a-uuid')).statusCode).toBe(404);
    const assign = await post(`/api/referrals/${randomUUID()}/assign`, { caseManager: 'bob' });
    expect(assign.statusCode).toBe(404);
    expect(assign.json()).toMatchObject({ type: '/problems/not-found' });
  });

  it('answers 404 problem+json for a part of a case whose id cannot exist, as for a case', async () => {
    const { id } = await create();
    const officer = await bearer(['resolution_officer']);
    const attempts = [
      post(`/api/referrals/${id}/cj-events/not-an-event/communicated`, { at: '2026-03-02T10:00:00Z', channel: 'phone' }),
      post(`/api/referrals/${id}/service-referrals/not-a-referral/outcome`, { outcome: 'accepted' }),
      post(`/api/community-resolutions/${randomUUID()}/remedies/not-a-remedy/complete`, { evidence: 'seen' }, { authorization: officer }),
      post(`/api/community-resolutions/${randomUUID()}/remedies/not-a-remedy/fail`, { reason: 'never' }, { authorization: officer }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ type: '/problems/not-found', status: 404 });
    }
  });

  it('honours If-Match: the stale writer of a race gets 412 and appends nothing', async () => {
    const { id } = await create();
    const [first, second] = await Promise.all([
      post(`/api/referrals/${id}/assign`, { caseManager: 'bob' }, { 'if-match': '"0"', authorization: supervisor }),
      post(`/api/referrals/${id}/assign`, { caseManager: 'carol' }, { 'if-match': '"0"', authorization: supervisor }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 412]);
    expect(await eventsOf(id)).toHaveLength(2);
    const stale = await post(`/api/referrals/${id}/assign`, { caseManager: 'dan' }, { 'if-match': '"0"', authorization: supervisor });
    expect(stale.statusCode).toBe(412);
    expect((await post(`/api/referrals/${id}/assign`, { caseManager: 'dan' }, { 'if-match': '"1"', authorization: supervisor })).statusCode).toBe(200);
  });

  it('reads If-Match as RFC 9110 does: * for any revision, any of a list, never a weak tag', async () => {
    const { id } = await create();
    expect((await post(`/api/referrals/${id}/accept-support`, {}, { 'if-match': '*' })).statusCode).toBe(200);
    expect((await post(`/api/referrals/${id}/assess`, { needs: [], riskLevel: 'standard', priorityGroups: [] }, { 'if-match': 'W/"1"' })).statusCode).toBe(412);
    expect((await post(`/api/referrals/${id}/assess`, { needs: [], riskLevel: 'standard', priorityGroups: [] }, { 'if-match': '"0", "1"' })).statusCode).toBe(200);
    expect((await post(`/api/referrals/${randomUUID()}/accept-support`, {}, { 'if-match': '*' })).statusCode).toBe(404);
    expect((await post(`/api/referrals/${id}/accept-support`, {}, { 'if-match': '2' })).json()).toMatchObject({ status: 400, errors: [{ field: 'If-Match' }] });
  });

  it('without If-Match, concurrent writers re-decide and none is lost', async () => {
    const { id } = await create();
    const managers = ['m1', 'm2', 'm3', 'm4', 'm5'];
    const responses = await Promise.all(managers.map((caseManagerId) => post(`/api/referrals/${id}/assign`, { caseManager: caseManagerId }, { authorization: supervisor })));
    expect(responses.map((response) => response.statusCode)).toEqual(managers.map(() => 200));
    expect(await eventsOf(id)).toHaveLength(1 + managers.length);
  });

  it('replays the first response for a repeated Idempotency-Key and appends nothing', async () => {
    const key = randomUUID();
    const first = await post('/api/referrals', referral(), { 'idempotency-key': key });
    const again = await post('/api/referrals', referral(), { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(again.headers.location).toBe(first.headers.location);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await eventsOf(first.json().id)).toHaveLength(1);

    const otherBody = await post('/api/referrals', { ...referral(), crimeType: 'theft' }, { 'idempotency-key': key });
    expect(otherBody.statusCode).toBe(409);
    expect(otherBody.json()).toMatchObject({ type: '/problems/idempotency-key-reused' });
  });

  it('lets a request refused as invalid be corrected and sent again with the same Idempotency-Key', async () => {
    const key = randomUUID();
    const invalid = await post('/api/referrals', { ...referral(), crimeType: 'no-such-crime' }, { 'idempotency-key': key });
    expect(invalid.statusCode).toBe(400);
    const corrected = await post('/api/referrals', referral(), { 'idempotency-key': key });
    expect(corrected.statusCode).toBe(201);
    expect((await post('/api/referrals', referral(), { 'idempotency-key': key })).headers['idempotent-replayed']).toBe('true');
  });

  it('runs concurrent requests with one Idempotency-Key once', async () => {
    const key = randomUUID();
    const responses = await Promise.all([1, 2, 3].map(() => post('/api/referrals', referral(), { 'idempotency-key': key })));
    const created = responses.filter((response) => response.statusCode === 201);
    expect(new Set(created.map((response) => response.json().id)).size).toBe(1);
    for (const response of responses) expect([201, 409]).toContain(response.statusCode);
  });

  it('keeps every event and idempotency record across a restart', async () => {
    const key = randomUUID();
    const created = await post('/api/referrals', referral(), { 'idempotency-key': key });
    await harness.restart();
    const read = await get(`/api/referrals/${created.json().id}`, { 'x-min-position': created.json().position });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ victim: { name: 'Ann Example' } });
    const replay = await post('/api/referrals', referral(), { 'idempotency-key': key });
    expect(replay.json()).toEqual(created.json());
  });

  it('serves health and the OpenAPI document without a token', async () => {
    const health = await harness.request({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok', info: { eventStore: { status: 'up' }, readModels: { status: 'up' } } });
    const docs = await harness.request({ method: 'GET', url: '/api/docs-json' });
    expect(docs.statusCode).toBe(200);
    expect(Object.keys(docs.json().paths)).toEqual(expect.arrayContaining(['/api/referrals', '/api/referrals/{id}', '/api/referrals/{id}/assign']));
  });
});
