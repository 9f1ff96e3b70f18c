import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, startTestApp, type TestApp, type TestResponse } from '../support/test-app.ts';

/**
 * Issue 21: a projection that cannot apply an event parks it and goes on. Here the referral list's table
 * refuses one victim's row (a constraint standing for a bug in the read model), which a migration then lifts.
 */
describe('parked events over HTTP', () => {
  let harness: TestApp;
  let caseManager: string;
  let admin: string;
  let auditor: string;

  beforeAll(async () => {
    // Parking retries each refused event with pauses first: reads wait for the list to pass them, however slow the machine.
    harness = await startTestApp({ MIN_POSITION_WAIT_MS: '30000' });
    caseManager = await bearer(['case_manager'], 'cm-ann');
    admin = await bearer(['admin'], 'root');
    auditor = await bearer(['auditor'], 'aud-ada');
  });
  afterAll(() => harness.close());

  let lastPosition = '0';
  const request = async (method: 'GET' | 'POST', url: string, authorization?: string, payload?: object) => {
    const headers: Record<string, string> = { 'x-min-position': lastPosition, ...(authorization ? { authorization } : {}) };
    const response = await harness.request({ method, url, payload, headers });
    if (method === 'POST' && response.statusCode < 300) lastPosition = response.json().position ?? lastPosition;
    return response;
  };
  const ok = (response: TestResponse, status = 200) => {
    expect({ status: response.statusCode, body: response.json() }).toMatchObject({ status });
    return response.json();
  };
  const refer = async (name: string) =>
    ok(await request('POST', '/api/referrals', caseManager, { source: 'self', crimeType: 'burglary', victim: { name }, consent: { contact: true, dataSharing: false, basis: 'explicit' } }), 201).id as string;
  const parked = async (authorization = admin) => ok(await request('GET', '/api/admin/projections/referral-list/parked', authorization)).parked as { position: string; stream: string }[];

  it('lists what a projection went past, keeps it ready but degraded, and applies it when replayed once fixed', async () => {
    await harness.sql("ALTER TABLE referral_list ADD CONSTRAINT refuses_parker CHECK (victim_name NOT LIKE 'Parker %')");
    const refused = [await refer('Parker One'), await refer('Parker Two')];
    const accepted = await refer('Agnes Applied');

    expect(ok(await request('GET', '/api/referrals?q=Applied', caseManager)).items).toEqual([expect.objectContaining({ id: accepted })]);
    const listed = await parked();
    expect(listed).toEqual(refused.map((id) => ({ position: expect.any(String), stream: `referral-${id}`, revision: 0, eventId: expect.any(String), type: 'ReferralReceived', error: expect.stringContaining('refuses_parker'), attempts: 3, parkedAt: expect.any(String), lastAttemptAt: expect.any(String), replayedAt: null, replayedBy: null })));
    expect(JSON.stringify(listed)).not.toContain('Parker');
    expect(await parked(auditor)).toEqual(listed);
    expect((await request('GET', '/api/admin/projections/referral-list/parked', caseManager)).statusCode).toBe(403);

    for (const url of ['/api/health', '/api/health/ready']) {
      expect(ok(await request('GET', url))).toMatchObject({ status: 'degraded', info: { projections: { status: 'degraded', parked: [{ name: 'referral-list', events: 2 }] } } });
    }
    const metrics = await request('GET', '/api/metrics', admin);
    expect(metrics.body).toMatch(/^casework_projection_parked_events\{projection="referral-list"\} 2$/m);
    expect(ok(await request('GET', '/api/admin/projections', admin))).toContainEqual(expect.objectContaining({ name: 'referral-list', state: 'live', parked: 2 }));

    const [first, second] = listed;
    const stillFails = await request('POST', `/api/admin/projections/referral-list/parked/${first!.position}/replay`, admin);
    expect(stillFails.statusCode).toBe(409);
    expect(stillFails.json()).toMatchObject({ rule: 'parked-event-still-fails' });
    expect((await request('POST', `/api/admin/projections/referral-list/parked/${first!.position}/replay`, auditor)).statusCode).toBe(403);

    await harness.sql('ALTER TABLE referral_list DROP CONSTRAINT refuses_parker');
    expect(ok(await request('POST', `/api/admin/projections/referral-list/parked/${first!.position}/replay`, admin))).toEqual({ position: first!.position, replayed: true });
    expect(ok(await request('POST', '/api/admin/projections/referral-list/parked/replay', admin))).toEqual({ projection: 'referral-list', outcomes: [{ position: second!.position, replayed: true }] });
    expect(await parked()).toEqual([]);
    const record = ok(await request('GET', '/api/admin/projections/referral-list/parked?include=replayed', auditor)).parked;
    expect(record).toEqual(listed.map((event) => ({ ...event, attempts: event === first ? 4 : 3, lastAttemptAt: expect.any(String), replayedAt: expect.any(String), replayedBy: 'root' })));
    expect((await request('GET', '/api/admin/projections/referral-list/parked?include=everything', auditor)).statusCode).toBe(400);
    expect(ok(await request('GET', '/api/referrals?q=Parker', caseManager)).items.map((item: { id: string }) => item.id).sort()).toEqual([...refused].sort());
    expect(ok(await request('GET', '/api/health'))).toMatchObject({ status: 'ok', info: { projections: { status: 'up' } } });

    expect((await request('POST', `/api/admin/projections/referral-list/parked/${first!.position}/replay`, admin)).statusCode).toBe(404);
    expect((await request('POST', '/api/admin/projections/referral-list/parked/not-a-position/replay', admin)).statusCode).toBe(400);
    expect((await request('GET', '/api/admin/projections/no-such-projection/parked', admin)).statusCode).toBe(404);
  });

  it('documents the routes in the OpenAPI document', async () => {
    const { paths } = ok(await request('GET', '/api/docs-json'));
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining(['/api/admin/projections/{name}/parked', '/api/admin/projections/{name}/parked/replay', '/api/admin/projections/{name}/parked/{position}/replay']),
    );
  });
});
