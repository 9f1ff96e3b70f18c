import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Role } from '../../src/auth/roles.ts';
import { bearer, startTestApp, type TestApp, type TestResponse } from '../support/test-app.ts';

const complaint = (receivedAt: string, overrides: object = {}) => ({
  receivedAt,
  channel: 'letter',
  complainant: { name: 'Pat Panel' },
  summary: 'Unhappy with how my report was handled',
  subjects: [{ kind: 'force' }],
  ...overrides,
});
const allegation = (category: string, criteria: object = {}) => ({ category, description: 'As described', subject: { kind: 'force' }, criteria });

describe("the Commissioner's oversight of complaints: IOPC figures and dip samples", () => {
  let harness: TestApp;
  let officer: string;
  let auditor: string;
  const june: string[] = [];
  let lastPosition = '0';

  const post = (url: string, payload: object, authorization = officer) => harness.request({ method: 'POST', url, payload, headers: { authorization } });
  const get = (url: string, authorization = auditor) => harness.request({ method: 'GET', url, headers: { authorization, 'x-min-position': lastPosition } });
  const ok = (response: TestResponse, status = 200) => {
    expect({ status: response.statusCode, body: response.json() }).toMatchObject({ status });
    lastPosition = response.json().position;
    return response.json<{ id: string; position: string }>();
  };

  beforeAll(async () => {
    harness = await startTestApp();
    officer = await bearer(['crt_officer'], 'crt-olu');
    auditor = await bearer(['auditor'], 'aud-ada');

    // Received Monday 1 June 2026, contacted Wednesday 3rd (2 working days), resolved informally.
    const informal = ok(await post('/api/complaints', complaint('2026-06-01T09:00:00Z')), 201).id;
    ok(await post(`/api/complaints/${informal}/contact-complainant`, { at: '2026-06-03T11:00:00Z', channel: 'phone', views: 'Wants an explanation' }));
    ok(await post(`/api/complaints/${informal}/handle-outside-schedule-3`, { allegations: [allegation('delivery-of-duties-and-service')], at: '2026-06-03T12:00:00Z' }));
    ok(await post(`/api/complaints/${informal}/resolve`, { summary: 'Explained', complainantSatisfied: true, at: '2026-06-05T12:00:00Z' }));

    // Received Tuesday 2 June, outcome decided Tuesday 9th (5 working days), reviewed and upheld by the PCC.
    const reviewed = ok(await post('/api/complaints', complaint('2026-06-02T09:00:00Z', { wantsRecording: true })), 201).id;
    ok(await post(`/api/complaints/${reviewed}/record`, { reason: 'complainant-request', allegations: [allegation('delivery-of-duties-and-service'), allegation('individual-behaviours')], at: '2026-06-02T10:00:00Z' }));
    ok(await post(`/api/complaints/${reviewed}/refer`, { to: 'psd', reason: 'Investigate', at: '2026-06-02T11:00:00Z' }));
    ok(await post(`/api/complaints/${reviewed}/outcome`, { result: 'service-acceptable', decidedAt: '2026-06-09T10:00:00Z' }));
    ok(await post(`/api/complaints/${reviewed}/outcome-notified`, { at: '2026-06-10T10:00:00Z' }));
    ok(await post(`/api/complaints/${reviewed}/review-request`, { receivedAt: '2026-06-15T10:00:00Z' }));
    ok(await post(`/api/complaints/${reviewed}/review-decision`, { upheld: true, recommendations: 'Look again' }));

    const withdrawn = ok(await post('/api/complaints', complaint('2026-06-03T09:00:00Z')), 201).id;
    ok(await post(`/api/complaints/${withdrawn}/record`, { reason: 'mandatory-criteria', allegations: [allegation('discreditable-conduct', { criminalOrDisciplinary: true })], at: '2026-06-03T10:00:00Z' }));
    ok(await post(`/api/complaints/${withdrawn}/withdraw`, { reason: 'Complainant withdrew', at: '2026-06-04T10:00:00Z' }));

    ok(await post('/api/complaints', complaint('2026-07-15T09:00:00Z')), 201);
    june.push(informal, reviewed, withdrawn);
  });
  afterAll(() => harness.close());

  it('reports the IOPC figures for complaints received in the period', async () => {
    const report = await get('/api/reports/complaints?from=2026-06-01&to=2026-06-30');
    expect(report.statusCode).toBe(200);
    expect(report.json()).toMatchObject({
      period: { from: '2026-06-01', to: '2026-06-30' },
      logged: 3,
      recorded: 2,
      handledOutsideSchedule3: 1,
      withdrawn: 1,
      allegationsByCategory: [
        { key: 'delivery-of-duties-and-service', label: 'Delivery of duties and service', count: 2 },
        { key: 'discreditable-conduct', count: 1 },
        { key: 'individual-behaviours', count: 1 },
      ],
      reasonsForRecording: [
        { key: 'complainant-request', count: 1 },
        { key: 'mandatory-criteria', count: 1 },
      ],
      workingDaysToContact: { average: 2, complaints: 1 },
      workingDaysToFinalise: { complaints: 2 },
      reviews: [
        { body: 'pcc', received: 1, decided: 1, upheld: 1 },
        { body: 'iopc', received: 0, decided: 0, upheld: 0 },
      ],
    });
    expect(report.body).not.toContain('Pat Panel');
    expect((await get('/api/reports/complaints?from=2026-07-01&to=2026-07-31')).json()).toMatchObject({ logged: 1, recorded: 0 });
  });

  it('refuses a report without a valid period, or to other roles', async () => {
    expect((await get('/api/reports/complaints?from=2026-06-30&to=2026-06-01')).json()).toMatchObject({ status: 400, errors: [{ field: 'to' }] });
    expect((await get('/api/reports/complaints?from=June')).json()).toMatchObject({ status: 400 });
    expect((await get('/api/reports/complaints?from=2026-06-01&to=2026-06-30', await bearer(['case_manager']))).statusCode).toBe(403);
  });

  it('draws the same dip sample for the same seed and range, and records each draw', async () => {
    const draw = (seed: string, size: number) => post('/api/complaints/dip-sample', { size, seed, from: '2026-06-01', to: '2026-06-30' }, auditor);
    const first = await draw('panel-2026-Q2', 2);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ seed: 'panel-2026-Q2', populationSize: 3, complaints: [expect.objectContaining({ reference: expect.stringMatching(/^CRT-/) }), expect.anything()] });
    const chosen = first.json().complaints.map((file: { id: string }) => file.id);
    expect(june).toEqual(expect.arrayContaining(chosen));
    expect(first.headers.location).toBe(`/api/complaints/dip-samples/${first.json().id}`);
    const readBack = await harness.request({ method: 'GET', url: first.headers.location as string, headers: { authorization: auditor, 'x-min-position': first.json().position } });
    expect(readBack.statusCode).toBe(200);
    expect(readBack.json()).toEqual({
      id: first.json().id,
      seed: 'panel-2026-Q2',
      from: '2026-06-01',
      to: '2026-06-30',
      size: 2,
      populationSize: 3,
      complaints: first.json().complaints,
      drawnAt: expect.any(String),
      drawnBy: 'aud-ada',
      readAtPosition: first.json().readAtPosition,
    });
    expect((await draw('panel-2026-Q2', 2)).json().complaints.map((file: { id: string }) => file.id)).toEqual(chosen);
    expect([...(await draw('whole-quarter', 10)).json().complaints.map((file: { id: string }) => file.id)].sort()).toEqual([...june].sort());

    const client = new pg.Client({ connectionString: harness.database.url });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT type, data FROM events WHERE stream = 'complaint-dip-samples' ORDER BY revision`);
      expect(rows).toHaveLength(3);
      expect(rows[0]).toMatchObject({ type: 'DipSampleDrawn', data: { seed: 'panel-2026-Q2', from: '2026-06-01', to: '2026-06-30', size: 2, populationSize: 3, complaintIds: chosen } });
    } finally {
      await client.end();
    }
  });

  it('draws from every complaint logged before the draw, so back-to-back draws choose the same files, and records where it read', async () => {
    const may: string[] = [];
    for (const day of ['04', '05', '06', '07', '08', '11']) may.push(ok(await post('/api/complaints', complaint(`2026-05-${day}T09:00:00Z`)), 201).id);
    const loggedUpTo = BigInt(lastPosition);
    const draw = () => post('/api/complaints/dip-sample', { size: 3, seed: 'may-panel', from: '2026-05-01', to: '2026-05-31' }, auditor);

    const [first, second] = [await draw(), await draw()];

    for (const drawn of [first, second]) {
      expect(drawn.json()).toMatchObject({ populationSize: may.length });
      expect(BigInt(drawn.json().readAtPosition)).toBeGreaterThanOrEqual(loggedUpTo);
    }
    expect(second.json().complaints).toEqual(first.json().complaints);
  });

  it('lets only auditors and supervisors draw samples, with valid input', async () => {
    const body = { size: 2, seed: 's', from: '2026-06-01', to: '2026-06-30' };
    expect((await post('/api/complaints/dip-sample', body)).statusCode).toBe(403);
    const drawn = await post('/api/complaints/dip-sample', body, await bearer(['supervisor']));
    expect(drawn.statusCode).toBe(201);
    expect((await get(drawn.headers.location as string, officer)).statusCode).toBe(403);
    expect((await get(`/api/complaints/dip-samples/${randomUUID()}`)).json()).toMatchObject({ status: 404 });
    const bad = await post('/api/complaints/dip-sample', { size: 0, seed: '', from: '2026-06-31', to: 'soon' }, auditor);
    expect(new Set(bad.json().errors.map((error: { field: string }) => error.field))).toEqual(new Set(['size', 'seed', 'from', 'to']));
    expect((await post('/api/complaints/dip-sample', { ...body, from: '2026-07-01' }, auditor)).json()).toMatchObject({ status: 400, errors: [{ field: 'to' }] });
  });
});

describe('a dip sample while the complaint list lags behind the store', () => {
  let harness: TestApp;
  beforeAll(async () => (harness = await startTestApp({ PROJECTIONS: 'off', MIN_POSITION_WAIT_MS: '100' })));
  afterAll(() => harness.close());

  it('is not drawn from a partial population: 202 with Retry-After, and nothing recorded', async () => {
    const post = async (url: string, payload: object, roles: Role[]) => harness.request({ method: 'POST', url, payload, headers: { authorization: await bearer(roles) } });
    expect((await post('/api/complaints', complaint('2026-05-04T09:00:00Z'), ['crt_officer'])).statusCode).toBe(201);

    const drawn = await post('/api/complaints/dip-sample', { size: 1, seed: 's', from: '2026-05-01', to: '2026-05-31' }, ['auditor']);

    expect(drawn.statusCode).toBe(202);
    expect(drawn.headers['retry-after']).toBe('1');
    expect(drawn.json()).toMatchObject({ type: '/problems/read-model-behind' });
    expect(await harness.sql(`SELECT 1 FROM events WHERE stream = 'complaint-dip-samples'`)).toEqual([]);
  });
});
