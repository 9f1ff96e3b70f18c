import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { referralListProjection } from '../../projections/referrals/referral-list.projection.ts';
import { caseTimelineProjection } from '../../projections/timeline/case-timeline.projection.ts';
import { bearer, knownUser, startTestApp, type TestApp } from '../support/test-app.ts';

const referral = (name: string) => ({
  source: 'self',
  crimeType: 'theft',
  victim: { name },
  consent: { contact: true, dataSharing: false, basis: 'explicit' },
});

describe('read models over HTTP (real app, projectors in process)', () => {
  let harness: TestApp;
  let caseManager: string;
  let admin: string;
  let supervisor: string;

  beforeAll(async () => {
    harness = await startTestApp();
    caseManager = await bearer(['case_manager']);
    admin = await bearer(['admin'], 'root');
    supervisor = await bearer(['supervisor'], 'sue');
  });
  afterAll(() => harness.close());

  const request = (method: 'GET' | 'POST', url: string, authorization: string, payload?: object, headers: Record<string, string> = {}) =>
    harness.request({ method, url, payload, headers: { authorization, ...headers } });

  it('answers at once a client that has written nothing yet (X-Min-Position 0), though no event is stored', async () => {
    expect((await harness.sql<{ n: number }>('SELECT count(*)::int AS n FROM events'))[0]!.n).toBe(0);
    expect((await request('GET', '/api/referrals', caseManager, undefined, { 'x-min-position': '0' })).statusCode).toBe(200);
    // The case managers the next tests assign to.
    for (const sub of ['cm-1', 'cm-9']) await knownUser(harness, sub);
  });

  it('reads its own write with X-Min-Position, and pages the list with a cursor', async () => {
    const created = [];
    for (const name of ['Ann', 'Bob', 'Cat']) created.push((await request('POST', '/api/referrals', caseManager, referral(name))).json());
    const last = created.at(-1)!;
    await request('POST', `/api/referrals/${created[0].id}/assign`, supervisor, { caseManager: 'cm-1' });

    const firstPage = await request('GET', '/api/referrals?limit=2', caseManager, undefined, { 'x-min-position': last.position });
    expect(firstPage.statusCode).toBe(200);
    const page = firstPage.json();
    expect(page.items.map((item: { victimName: string }) => item.victimName)).toEqual(['Cat', 'Bob']);
    const secondPage = (await request('GET', `/api/referrals?limit=2&cursor=${page.nextCursor}`, caseManager)).json();
    expect(secondPage.items.map((item: { victimName: string }) => item.victimName)).toEqual(['Ann']);
    expect(secondPage.nextCursor).toBeNull();
  });

  it('pages a search newest first with its cursor, for terms the trigram index serves and shorter ones', async () => {
    let lastPosition = '';
    for (const name of ['Sasha Pageworth', 'Sam Pageworth', 'Sian Pageworth']) lastPosition = (await request('POST', '/api/referrals', caseManager, referral(name))).json().position;
    const names = async (q: string) => {
      const first = (await request('GET', `/api/referrals?q=${q}&limit=2`, caseManager, undefined, { 'x-min-position': lastPosition })).json();
      const second = (await request('GET', `/api/referrals?q=${q}&limit=2&cursor=${first.nextCursor}`, caseManager)).json();
      expect(second.nextCursor).toBeNull();
      return [...first.items, ...second.items].map((item: { victimName: string }) => item.victimName);
    };
    expect(await names('pageworth')).toEqual(['Sian Pageworth', 'Sam Pageworth', 'Sasha Pageworth']);
    expect(await names('pa')).toEqual(['Sian Pageworth', 'Sam Pageworth', 'Sasha Pageworth']);
  });

  it('filters the list by case manager from the read model', async () => {
    const { id, position } = (await request('POST', '/api/referrals', caseManager, referral('Dee'))).json();
    const assigned = (await request('POST', `/api/referrals/${id}/assign`, supervisor, { caseManager: 'cm-9' })).json();
    expect(BigInt(assigned.position)).toBeGreaterThan(BigInt(position));
    const list = await request('GET', '/api/referrals?caseManager=cm-9', caseManager, undefined, { 'x-min-position': assigned.position });
    expect(list.json().items).toEqual([expect.objectContaining({ id, caseManager: 'cm-9', revision: 1 })]);
    const byName = await request('GET', '/api/referrals?q=de', await bearer(['auditor'], 'aud'));
    expect(byName.json().items.map((item: { victimName: string }) => item.victimName)).toEqual(['Dee']);
    expect((await request('GET', '/api/referrals?q=%25', caseManager)).json().items).toEqual([]);
  });

  it('answers 202 with Retry-After when the read model cannot catch up in time, and 400 for a bad cursor', async () => {
    const farFuture = (2n ** 62n).toString();
    const behind = await request('GET', '/api/referrals', caseManager, undefined, { 'x-min-position': farFuture });
    expect(behind.statusCode).toBe(202);
    expect(behind.headers['retry-after']).toBe('1');
    expect((await request('GET', '/api/referrals?cursor=nonsense', caseManager)).statusCode).toBe(400);
  });

  it('shows projection status to admins only, and rebuilds on request without losing rows', async () => {
    expect((await request('GET', '/api/admin/projections', caseManager)).statusCode).toBe(403);
    const before = (await request('GET', '/api/referrals?limit=200', caseManager)).json().items.length;
    const status = await request('GET', '/api/admin/projections', admin);
    expect(status.statusCode).toBe(200);
    expect(status.json()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'referral-list', version: referralListProjection.version, state: expect.stringMatching(/live|rebuilding/), lastError: null, lag: expect.objectContaining({ events: expect.any(Number) }) }),
        expect.objectContaining({ name: 'case-timeline', version: caseTimelineProjection.version }),
      ]),
    );

    const rebuild = await request('POST', '/api/admin/projections/referral-list/rebuild', admin);
    expect(rebuild.statusCode).toBe(202);
    expect(rebuild.json()).toMatchObject({ name: 'referral-list', state: 'rebuilding' });
    expect((await request('POST', '/api/admin/projections/no-such/rebuild', admin)).statusCode).toBe(404);

    const deadline = Date.now() + 20_000;
    while ((await request('GET', '/api/admin/projections', admin)).json().find((projection: { name: string }) => projection.name === 'referral-list').state !== 'live') {
      if (Date.now() > deadline) throw new Error('rebuild did not finish');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await request('GET', '/api/referrals?limit=200', caseManager)).json().items).toHaveLength(before);
  });
});
