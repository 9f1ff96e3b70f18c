import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bearer, requestTo, startTestApp, type TestApp } from '../support/test-app.ts';
import { ok } from '../support/following-requests.ts';

const LIMITS = { STATUS_PAGE_VIEWS_PER_LINK: '4', STATUS_PAGE_VIEWS_PER_ADDRESS: '7', STATUS_PAGE_WINDOW_SECONDS: '600' };

/** Two service processes on one database, as behind a load balancer: the status page's limits are theirs together. */
describe('status page limits across processes', () => {
  let harness: TestApp;
  let second: NestFastifyApplication;
  let caseManager: string;

  beforeAll(async () => {
    harness = await startTestApp(LIMITS);
    second = await harness.startAnother();
    caseManager = await bearer(['case_manager'], 'cm-priya');
  });
  afterAll(async () => {
    await second?.close();
    await harness?.close();
  });

  const newLink = async () => {
    const post = async (url: string, payload: object, status: number) =>
      ok(await harness.request({ method: 'POST', url, payload, headers: { authorization: caseManager } }), status);
    const { id } = await post('/api/referrals', { source: 'self', crimeType: 'burglary', victim: { name: 'Lin Limits' }, consent: { contact: true, dataSharing: true, basis: 'explicit' } }, 201);
    return (await post(`/api/referrals/${id}/status-link`, { validForDays: 7, contactFirstName: 'Priya', team: 'Beacon north' }, 200)).url as string;
  };
  /** Ten minutes pass, as far as the counts know. */
  const windowsOver = () => harness.sql("UPDATE status_page_views SET window_started = window_started - interval '601 seconds'");
  /** Views taken in turn by the two processes. */
  const viewsInTurn = async (url: string, count: number) => {
    const statuses: number[] = [];
    for (let view = 0; view < count; view++) statuses.push((await (view % 2 === 0 ? harness.request({ method: 'GET', url }) : requestTo(second, { method: 'GET', url }))).statusCode);
    return statuses;
  };

  it('counts the views of one link in both processes against the configured limit per link and per address, until the window is over', async () => {
    const [first, other] = [await newLink(), await newLink()];
    // Each process alone would allow 4: together they allow 4 in all.
    expect(await viewsInTurn(first, 5)).toEqual([200, 200, 200, 200, 429]);
    const limited = await requestTo(second, { method: 'GET', url: first });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(600);
    expect(limited.body).toContain('Too many requests');
    // The address has had 6 views: a seventh of another link is served, the eighth is one too many from it.
    expect(await viewsInTurn(other, 2)).toEqual([200, 429]);

    await windowsOver();
    expect(await viewsInTurn(other, 2)).toEqual([200, 200]);
  });

  it('forgets the counts whose window is over, and only those', async () => {
    await windowsOver();
    await harness.sql("INSERT INTO status_page_views (counted, window_started, views) VALUES ('address:192.0.2.1', now(), 1)");
    const { StatusPageThrottle } = await import('../../src/status-page/status-page-throttle.ts');
    const { DataSource } = await import('typeorm');
    await new StatusPageThrottle(harness.app.get(DataSource), { viewsPerLink: 4, viewsPerAddress: 7, windowSeconds: 600 }).forgetPastWindows();
    expect(await harness.sql('SELECT counted FROM status_page_views')).toEqual([{ counted: 'address:192.0.2.1' }]);
  });
});
