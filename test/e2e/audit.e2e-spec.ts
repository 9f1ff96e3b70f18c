import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { bearer, startTestApp, type TestApp, type TestResponse } from '../support/test-app.ts';

describe('audit: replay, time travel and the access log over HTTP', () => {
  let harness: TestApp;
  let caseManager: string;
  let officer: string;
  let auditor: string;

  beforeAll(async () => {
    harness = await startTestApp();
    caseManager = await bearer(['case_manager'], 'cm-ann');
    officer = await bearer(['resolution_officer'], 'pc-rob');
    auditor = await bearer(['auditor'], 'aud-ada');
  });
  afterAll(() => harness.close());

  const request = (method: 'GET' | 'POST', url: string, authorization: string, payload?: object, headers: Record<string, string> = {}) =>
    harness.request({ method, url, payload, headers: { authorization, ...headers } });
  const ok = (response: TestResponse, status = 200) => {
    expect({ status: response.statusCode, body: response.json() }).toMatchObject({ status });
    return response.json<{ id: string; revision: number; position: string }>();
  };
  const referral = {
    source: 'self',
    crimeType: 'burglary',
    victim: { name: 'Audrey Auditable', dateOfBirth: '1970-01-01' },
    consent: { contact: true, dataSharing: true, basis: 'implied' },
  };

  it("replays a victim journey's history, page by page, with who, when and why", async () => {
    const { id } = ok(await request('POST', '/api/referrals', caseManager, referral, { 'x-correlation-id': 'corr-audit-1' }), 201);
    ok(await request('POST', `/api/referrals/${id}/assess`, caseManager, { needs: ['emotional'], riskLevel: 'standard', priorityGroups: [] }));
    ok(await request('POST', `/api/referrals/${id}/accept-support`, caseManager, {}));

    expect((await request('GET', `/api/audit/cases/${id}/events`, caseManager)).statusCode).toBe(403);
    const first = (await request('GET', `/api/audit/cases/${id}/events?limit=2`, auditor)).json();
    expect(first).toMatchObject({ kind: 'referral', nextAfter: 1 });
    expect(first.items[0]).toEqual({
      eventId: expect.any(String),
      type: 'ReferralReceived',
      schemaVersion: 2,
      revision: 0,
      position: expect.stringMatching(/^\d+$/),
      recordedAt: expect.any(String),
      actor: { sub: 'cm-ann', roles: ['case_manager'] },
      correlationId: 'corr-audit-1',
      causationId: expect.any(String),
      data: expect.objectContaining({ referralId: id, source: 'self', victim: expect.objectContaining({ name: 'Audrey Auditable' }) }),
    });
    const rest = (await request('GET', `/api/audit/cases/${id}/events?after=1`, auditor)).json();
    expect(rest).toMatchObject({ items: [{ type: 'SupportAccepted', revision: 2 }], nextAfter: null });
    expect((await request('GET', `/api/audit/cases/${randomUUID()}/events`, auditor)).statusCode).toBe(404);
    expect((await request('GET', `/api/audit/cases/${id}/events?limit=0`, auditor)).statusCode).toBe(400);
  });

  it('shows a case as it stood between two events, equal to the fold of just the events before', async () => {
    const { id } = ok(await request('POST', '/api/referrals', caseManager, referral), 201);
    ok(await request('POST', `/api/referrals/${id}/assess`, caseManager, { needs: ['emotional'], riskLevel: 'standard', priorityGroups: [] }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    ok(await request('POST', `/api/referrals/${id}/decline-support`, caseManager, { reason: 'no-longer-needed' }));
    const events = (await request('GET', `/api/audit/cases/${id}/events`, auditor)).json().items;
    const between = new Date(Date.parse(events[1].recordedAt) + 1).toISOString();

    const asOf = (await request('GET', `/api/audit/cases/${id}/state?asOf=${between}`, auditor)).json();
    const byRevision = (await request('GET', `/api/audit/cases/${id}/state?revision=1`, auditor)).json();
    expect(asOf).toMatchObject({ kind: 'referral', revision: 1, state: { id, status: 'assessed', support: null } });
    expect({ ...asOf.state, contact: undefined }).toEqual({ ...byRevision.state, contact: undefined });
    expect(asOf.state.timeline.map((entry: { type: string }) => entry.type)).toEqual(['ReferralReceived', 'NeedsAssessed']);

    const now = (await request('GET', `/api/audit/cases/${id}/state`, auditor)).json();
    expect(now).toMatchObject({ revision: 2, state: { status: 'declined', support: { reason: 'no-longer-needed' } } });
    const before = new Date(Date.parse(events[0].recordedAt) - 1000).toISOString();
    expect((await request('GET', `/api/audit/cases/${id}/state?asOf=${before}`, auditor)).statusCode).toBe(404);
    expect((await request('GET', `/api/audit/cases/${id}/state?asOf=${between}&revision=1`, auditor)).statusCode).toBe(400);
    expect((await request('GET', `/api/audit/cases/${id}/state?asOf=yesterday`, auditor)).statusCode).toBe(400);
    const pastTheEnd = await request('GET', `/api/audit/cases/${id}/state?revision=999`, auditor);
    expect(pastTheEnd.statusCode).toBe(404);
    expect(pastTheEnd.json()).toMatchObject({ type: '/problems/not-found', detail: expect.stringContaining('its last revision is 2') });
  });

  it('replays a Community Resolution the same way', async () => {
    const proposal = {
      crimeReference: '41/2001/26',
      offenceType: 'criminal-damage',
      offenceDate: '2026-01-10',
      offender: { name: 'Otto Offender', dateOfBirth: '1990-02-02' },
      evidenceSufficient: true,
      offenderAdmits: true,
      offenderAgrees: true,
      victims: [{ name: 'Vic Victim', contact: '07700 900200', consulted: true, views: 'An apology', consents: true }],
      flags: { domesticAbuse: false, intimatePartner: false, hateCrime: false },
      rationale: 'First offence',
    };
    const { id } = ok(await request('POST', '/api/community-resolutions', officer, proposal), 201);
    const history = (await request('GET', `/api/audit/cases/${id}/events`, auditor)).json();
    expect(history).toMatchObject({ kind: 'community-resolution', items: [{ type: 'CommunityResolutionProposed', actor: { sub: 'pc-rob' } }] });
    const state = (await request('GET', `/api/audit/cases/${id}/state?revision=0`, auditor)).json();
    expect(state).toMatchObject({ kind: 'community-resolution', revision: 0, state: { id, offenceType: { id: 'criminal-damage' } } });
  });

  it('replays a complaint the same way', async () => {
    const crtOfficer = await bearer(['crt_officer'], 'crt-cat');
    const complaint = {
      receivedAt: new Date(Date.now() - 86_400_000).toISOString(),
      channel: 'email',
      complainant: { name: 'Cam Complainant', email: 'cam@example.org' },
      summary: 'The officer was rude at the front desk',
      incidentDate: '2026-01-10',
      subjects: [{ kind: 'officer', identifier: 'PC 1234' }],
    };
    const { id } = ok(await request('POST', '/api/complaints', crtOfficer, complaint), 201);
    ok(await request('POST', `/api/complaints/${id}/contact-complainant`, crtOfficer, { at: new Date().toISOString(), channel: 'phone', views: 'Wants an apology' }));
    const history = (await request('GET', `/api/audit/cases/${id}/events`, auditor)).json();
    expect(history).toMatchObject({ kind: 'complaint', items: [{ type: 'ComplaintLogged', actor: { sub: 'crt-cat' } }, { type: 'ComplainantContacted', revision: 1 }] });
    const first = (await request('GET', `/api/audit/cases/${id}/state?revision=0`, auditor)).json();
    const now = (await request('GET', `/api/audit/cases/${id}/state`, auditor)).json();
    expect(first).toMatchObject({ kind: 'complaint', revision: 0, state: { id, complainant: { name: 'Cam Complainant' } } });
    expect(now.revision).toBe(1);
    expect(now.state).not.toEqual(first.state);
  });

  it('records every read of a case or of a list, with the purpose, and never a search term', async () => {
    const { id, position } = ok(await request('POST', '/api/referrals', caseManager, referral), 201);
    const minPosition = { 'x-min-position': position };
    ok(await request('GET', `/api/referrals/${id}`, caseManager, undefined, { ...minPosition, 'x-purpose': 'safeguarding' }));
    const listed = ok(await request('GET', '/api/referrals?q=Auditable', caseManager, undefined, minPosition)) as unknown as { items: { id: string }[] };
    expect(listed.items.map((item) => item.id)).toContain(id);
    expect((await request('GET', `/api/referrals/${id}`, caseManager, undefined, { 'x-purpose': 'x'.repeat(500) })).statusCode).toBe(400);
    // Typed text, which could name someone, is not a purpose: only the configured list's entries are.
    const typed = await request('GET', `/api/referrals/${id}`, caseManager, undefined, { 'x-purpose': 'asked by Auditable' });
    expect({ status: typed.statusCode, detail: typed.json().errors }).toMatchObject({ status: 400, detail: [expect.objectContaining({ field: 'X-Purpose' })] });
    ok(await request('GET', `/api/audit/cases/${id}/events`, auditor));

    const log = async (query: string) => {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const page = (await request('GET', `/api/audit/access-log?${query}`, auditor)).json();
        if (page.items.length >= 3 || Date.now() > deadline) return page;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const forCase = await log(`case=${id}`);
    expect(forCase.items).toEqual([
      expect.objectContaining({ user: 'aud-ada', roles: ['auditor'], route: '/api/audit/cases/:id/events', purpose: 'audit', caseIds: [id] }),
      expect.objectContaining({ user: 'cm-ann', route: '/api/referrals', purpose: 'victim-support', caseIds: expect.arrayContaining([id]) }),
      expect.objectContaining({ user: 'cm-ann', route: '/api/referrals/:id', purpose: 'safeguarding', caseIds: [id], method: 'GET' }),
    ]);
    expect(JSON.stringify(forCase)).not.toContain('Auditable');
    const byUser = (await request('GET', '/api/audit/access-log?user=aud-ada&limit=1', auditor)).json();
    expect(byUser.items).toHaveLength(1);
    expect(byUser.nextCursor).toEqual(expect.any(String));
    expect((await request('GET', '/api/audit/access-log?from=soon', auditor)).statusCode).toBe(400);
    expect((await request('GET', '/api/audit/access-log', caseManager)).statusCode).toBe(403);
  });

  it("records every one of a user's many simultaneous reads, none refused", async () => {
    const reader = await bearer(['supervisor'], 'sup-busy');
    const reads = await Promise.all(Array.from({ length: 40 }, () => request('GET', '/api/referrals?limit=1', reader)));
    expect(reads.map((read) => read.statusCode)).toEqual(reads.map(() => 200));
    const deadline = Date.now() + 10_000;
    let logged = 0;
    while (logged < 40 && Date.now() < deadline) {
      logged = (await request('GET', '/api/audit/access-log?user=sup-busy&limit=200', auditor)).json().items.length;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(logged).toBe(40);
  });

  it('records a read through every route that returns a case or a list of cases', async () => {
    const supervisor = await bearer(['supervisor'], 'sup-every-route');
    const referralId = ok(await request('POST', '/api/referrals', supervisor, referral), 201).id;
    const complaint = {
      receivedAt: new Date(Date.now() - 86_400_000).toISOString(),
      channel: 'email',
      complainant: { name: 'Route Complainant' },
      summary: 'A complaint to read back',
      incidentDate: '2026-01-10',
      subjects: [{ kind: 'force' }],
    };
    const complaintId = ok(await request('POST', '/api/complaints', supervisor, complaint), 201).id;
    const resolution = {
      crimeReference: '41/3003/26',
      offenceType: 'criminal-damage',
      offenceDate: '2026-01-10',
      offender: { name: 'Route Offender', dateOfBirth: '1990-02-02' },
      evidenceSufficient: true,
      offenderAdmits: true,
      offenderAgrees: true,
      victims: [{ name: 'Route Victim', contact: 'phone', consulted: true, views: 'An apology', consents: true }],
      flags: { domesticAbuse: false, intimatePartner: false, hateCrime: false },
      rationale: 'First offence',
    };
    const created = ok(await request('POST', '/api/community-resolutions', supervisor, resolution), 201);
    const resolutionId = created.id;
    const reads = [
      ['/api/referrals/:id', `/api/referrals/${referralId}`, supervisor],
      ['/api/referrals', '/api/referrals', supervisor],
      ['/api/complaints/:id', `/api/complaints/${complaintId}`, supervisor],
      ['/api/complaints', '/api/complaints', supervisor],
      ['/api/complaints/:id/status', `/api/complaints/${complaintId}/status`, supervisor],
      ['/api/community-resolutions/:id', `/api/community-resolutions/${resolutionId}`, supervisor],
      ['/api/community-resolutions', '/api/community-resolutions', supervisor],
      ['/api/audit/cases/:id/events', `/api/audit/cases/${complaintId}/events`, auditor],
      ['/api/audit/cases/:id/state', `/api/audit/cases/${resolutionId}/state`, auditor],
    ] as const;
    for (const [, url, reader] of reads) ok(await request('GET', url, reader, undefined, { 'x-min-position': created.position }));

    const deadline = Date.now() + 10_000;
    let routes = new Set<string>();
    while (routes.size < reads.length && Date.now() < deadline) {
      const supervisorReads = (await request('GET', '/api/audit/access-log?user=sup-every-route&limit=200', auditor)).json().items;
      const auditorReads = (await request('GET', '/api/audit/access-log?user=aud-ada&limit=200', auditor)).json().items;
      routes = new Set([...supervisorReads, ...auditorReads].map((entry: { route: string }) => entry.route));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    for (const [route] of reads) expect(routes).toContain(route);
  });
});
