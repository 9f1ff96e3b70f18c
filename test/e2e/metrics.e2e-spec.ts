import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, startTestApp, type TestApp } from '../support/test-app.ts';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The Prometheus text format, one sample a line: `name{label="value",…} number`. */
function parseSamples(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [, name = '', labelText = '', value = ''] = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line) ?? [];
      const labels = Object.fromEntries([...labelText.matchAll(/(\w+)="([^"]*)"/g)].map(([, key, labelValue]) => [key!, labelValue!]));
      return { name, labels, value: Number(value) };
    });
}

const valueOf = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples.find((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value))?.value;

const referral = { source: 'self', crimeType: 'theft', victim: { name: 'Ann Example' }, consent: { contact: true, dataSharing: false, basis: 'explicit' } };

describe('GET /api/metrics', () => {
  let harness: TestApp;
  let admin: string;
  let caseManager: string;

  beforeAll(async () => {
    harness = await startTestApp();
    admin = await bearer(['admin'], 'ops-olga');
    caseManager = await bearer(['case_manager'], 'cm-metrics');
  });
  afterAll(() => harness.close());

  const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
    harness.request({ method: 'POST', url, payload, headers: { authorization: caseManager, ...headers } });
  const scrape = async () => {
    const response = await harness.request({ method: 'GET', url: '/api/metrics', headers: { authorization: admin } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain; version=0.0.4');
    return { text: response.body, samples: parseSamples(response.body) };
  };

  it('answers admins only', async () => {
    expect((await harness.request({ method: 'GET', url: '/api/metrics' })).statusCode).toBe(401);
    expect((await harness.request({ method: 'GET', url: '/api/metrics', headers: { authorization: caseManager } })).statusCode).toBe(403);
    expect((await harness.request({ method: 'GET', url: '/api/metrics', headers: { authorization: admin } })).statusCode).toBe(200);
  });

  it('counts commands by type and result, with their latency', async () => {
    const { id } = (await post('/api/referrals', referral)).json();
    expect((await post(`/api/referrals/${id}/accept-support`, {})).statusCode).toBe(200);
    expect((await post(`/api/referrals/${id}/accept-support`, {})).statusCode).toBe(409);
    expect((await post(`/api/referrals/${id}/assign`, { caseManager: 'cm-metrics' }, { 'if-match': '"0"' })).statusCode).toBe(412);

    const { samples } = await scrape();
    expect(valueOf(samples, 'casework_commands_total', { command_type: 'ReceiveReferral', result: 'ok' })).toBe(1);
    expect(valueOf(samples, 'casework_commands_total', { command_type: 'AcceptSupport', result: 'ok' })).toBe(1);
    expect(valueOf(samples, 'casework_commands_total', { command_type: 'AcceptSupport', result: 'rejected' })).toBe(1);
    expect(valueOf(samples, 'casework_commands_total', { command_type: 'AssignCaseManager', result: 'conflict' })).toBe(1);
    expect(valueOf(samples, 'casework_command_duration_seconds_count', { command_type: 'ReceiveReferral', result: 'ok' })).toBe(1);
    expect(valueOf(samples, 'casework_command_duration_seconds_sum', { command_type: 'ReceiveReferral', result: 'ok' })).toBeGreaterThan(0);
    // Two commands appended; the rejected one and the If-Match mismatch never reached the store.
    expect(valueOf(samples, 'casework_event_store_append_duration_seconds_count')).toBe(2);
  });

  it('shows each projection live and caught up once the read models have the events', async () => {
    const created = (await post('/api/referrals', referral)).json();
    const list = await harness.request({ method: 'GET', url: '/api/referrals', headers: { authorization: caseManager, 'x-min-position': created.position } });
    expect(list.statusCode).toBe(200);
    const { samples } = await scrape();
    expect(valueOf(samples, 'casework_projection_state', { projection: 'referral-list', state: 'live' })).toBe(1);
    expect(valueOf(samples, 'casework_projection_state', { projection: 'referral-list', state: 'failed' })).toBe(0);
    expect(valueOf(samples, 'casework_projection_lag_events', { projection: 'referral-list' })).toBe(0);
    const admins = (await harness.request({ method: 'GET', url: '/api/admin/projections', headers: { authorization: admin } })).json<{ name: string }[]>();
    const reported = new Set(samples.filter((sample) => sample.name === 'casework_projection_lag_seconds').map((sample) => sample.labels.projection));
    expect([...reported].sort()).toEqual(admins.map((projection) => projection.name).sort());
  });

  it('counts HTTP requests by route template, never by the ids in the path, and serves process metrics', async () => {
    const { id, position } = (await post('/api/referrals', referral)).json();
    const page = await harness.request({ method: 'GET', url: `/api/referrals/${id}`, headers: { authorization: caseManager, 'x-min-position': position } });
    expect(page.statusCode).toBe(200);
    const { text, samples } = await scrape();
    expect(valueOf(samples, 'casework_http_requests_total', { method: 'GET', route: '/api/referrals/:id', status_code: '200' })).toBeGreaterThanOrEqual(1);
    expect(valueOf(samples, 'casework_http_requests_total', { method: 'GET', route: '/api/metrics', status_code: '403' })).toBe(1);
    expect(valueOf(samples, 'casework_http_request_duration_seconds_count', { method: 'POST', route: '/api/referrals', status_code: '201' })).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain(id);
    expect(valueOf(samples, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(valueOf(samples, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(0);
  });
});

describe('GET /api/metrics with the projectors running elsewhere', () => {
  let harness: TestApp;
  beforeAll(async () => (harness = await startTestApp({ PROJECTIONS: 'off' })));
  afterAll(() => harness.close());

  it('shows the lag of projections nobody runs here', async () => {
    const caseManager = await bearer(['case_manager']);
    expect((await harness.request({ method: 'POST', url: '/api/referrals', payload: referral, headers: { authorization: caseManager } })).statusCode).toBe(201);
    const admin = await bearer(['admin']);
    const scrape = async () => parseSamples((await harness.request({ method: 'GET', url: '/api/metrics', headers: { authorization: admin } })).body);
    // Lag counts what readers may read: another test's transaction still open on the shared server can hold the event back a moment.
    let samples = await scrape();
    for (const deadline = Date.now() + 10_000; valueOf(samples, 'casework_projection_lag_events', { projection: 'referral-list' }) === 0 && Date.now() < deadline; samples = await scrape()) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(valueOf(samples, 'casework_projection_lag_events', { projection: 'referral-list' })).toBe(1);
    expect(valueOf(samples, 'casework_projection_lag_seconds', { projection: 'referral-list' })).toBeGreaterThanOrEqual(0);
    expect(valueOf(samples, 'casework_projection_state', { projection: 'referral-list', state: 'not-started' })).toBe(1);
  });
});
