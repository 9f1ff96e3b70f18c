import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { KnownUsers } from '../../src/auth/known-users.ts';
import { EventCatalog } from '../../src/event-store/event-catalog.ts';
import { EVENT_STORE } from '../../src/event-store/event-store.port.ts';
import { parseSeedArgs, SeedUsageError } from '../../src/seed/seed-args.ts';
import { seedCaseManagers, seedComplaints, seedReferrals, seedResolutions, type SeedResult } from '../../src/seed/seeder.ts';
import { SettingsService } from '../../src/settings/settings.service.ts';
import { bearer, startTestApp, type TestApp } from '../support/test-app.ts';

const REFERRALS = 400;
const COMPLAINTS = 300;
const RESOLUTIONS = 300;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

describe('npm run seed', () => {
  let harness: TestApp;
  let supervisor: string;
  let seeded: SeedResult;
  let complaints: SeedResult;
  let resolutions: SeedResult;
  const now = new Date();
  const yearAgo = isoDay(new Date(now.getTime() - 366 * 86_400_000));

  beforeAll(async () => {
    harness = await startTestApp();
    supervisor = await bearer(['supervisor'], 'sup-seed');
    const { app } = harness;
    const target = { store: app.get(EVENT_STORE), catalog: app.get(EventCatalog), settings: await app.get(SettingsService).current(), now, seed: 7 };
    await seedCaseManagers(app.get(KnownUsers));
    seeded = await seedReferrals(target, REFERRALS);
    complaints = await seedComplaints(target, COMPLAINTS);
    resolutions = await seedResolutions(target, RESOLUTIONS);
  });
  afterAll(() => harness.close());

  const get = (url: string, written = seeded) => harness.request({ method: 'GET', url, headers: { authorization: supervisor, 'x-min-position': written.lastPosition!.toString() } });

  it('writes the journeys it was asked for, each a history of several events', () => {
    expect(seeded.cases).toBe(REFERRALS);
    expect(seeded.events).toBeGreaterThan(REFERRALS * 4);
  });

  it('shows them in the referral list and in the Beacon report, in the office’s proportions', async () => {
    const list = await get('/api/referrals?limit=50');
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(50);

    const report = (await get(`/api/reports/beacon?from=${yearAgo}&to=${isoDay(now)}`)).json();
    expect(report.referrals).toBe(REFERRALS);
    expect(report.bySource.map((count: { key: string }) => count.key).sort()).toEqual(['partner', 'police', 'self']);
    expect(report.byCrimeType.length).toBeGreaterThanOrEqual(10);
    expect(report.priorityGroups.share).toBeGreaterThan(0.2);
    expect(report.priorityGroups.share).toBeLessThan(0.32);
    expect(report.support.acceptanceRate).toBeGreaterThan(0.6);
    expect(report.support.acceptanceRate).toBeLessThan(0.8);
    expect(JSON.stringify(report.support.declineReasons)).toContain('wants-to-move-on');
    expect(JSON.stringify(report.closuresByReason)).toContain('support-completed');
    expect(report.criminalJusticeUpdates.learned).toBeGreaterThan(0);
  });


  it('dates every journey and complaint on a working day within the last year', async () => {
    const journeys = (await get('/api/referrals?limit=100')).json<{ items: { receivedAt: string }[] }>().items;
    const logged = (await get('/api/complaints?limit=100', complaints)).json<{ items: { receivedAt: string }[] }>().items;
    const settings = await harness.app.get(SettingsService).current();
    for (const { receivedAt } of [...journeys, ...logged]) {
      expect(settings.calendar.isWorkingDay(receivedAt.slice(0, 10))).toBe(true);
      expect(Date.parse(receivedAt)).toBeLessThanOrEqual(now.getTime());
      expect(Date.parse(receivedAt)).toBeGreaterThan(now.getTime() - 367 * 86_400_000);
    }
  });

  it('writes complaints across IOPC categories, handled informally or recorded, referred, decided and reviewed', async () => {
    expect(complaints.cases).toBe(COMPLAINTS);
    const { items } = (await get('/api/complaints?limit=100', complaints)).json<{ items: { status: string }[] }>();
    expect(items).toHaveLength(100);
    const stages = new Set(items.map((item) => item.status));
    expect(stages).toContain('resolved');
    expect([...stages].filter((stage) => /^(referred-to|outcome|review)/.test(stage)).length).toBeGreaterThanOrEqual(2);

    const report = (await get(`/api/reports/complaints?from=${yearAgo}&to=${isoDay(now)}`, complaints)).json();
    expect(report.logged).toBe(COMPLAINTS);
    expect(report.handledOutsideSchedule3).toBeGreaterThan(COMPLAINTS * 0.4);
    expect(report.recorded).toBeGreaterThan(COMPLAINTS * 0.25);
    expect(report.recorded).toBeLessThan(COMPLAINTS * 0.65);
    expect(report.allegationsByCategory.length).toBeGreaterThanOrEqual(8);
    expect(report.allegationsByCategory[0].key).toBe('delivery-of-duties-and-service');
    expect(report.reasonsForRecording.map((count: { key: string }) => count.key).sort()).toEqual(['complainant-request', 'dissatisfied-with-initial-handling', 'mandatory-criteria']);
    expect(report.workingDaysToContact.average).toBeLessThan(3);
    expect(report.workingDaysToFinalise.complaints).toBeGreaterThan(COMPLAINTS * 0.5);
    expect(report.reviews.reduce((sum: number, review: { received: number }) => sum + review.received, 0)).toBeGreaterThan(0);
  });

  it('writes Community Resolutions whose remedies were completed or failed, most closed', async () => {
    expect(resolutions.cases).toBe(RESOLUTIONS);
    const list = await get('/api/community-resolutions?limit=50', resolutions);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(50);

    const report = (await get(`/api/reports/community-resolutions?from=${yearAgo}&to=${isoDay(now)}`, resolutions)).json();
    expect(report.resolutions).toBe(RESOLUTIONS);
    expect(report.outcomes.complied).toBeGreaterThan(report.outcomes.notComplied);
    expect(report.outcomes.notComplied).toBeGreaterThan(0);
    expect(report.outcomes.open).toBeLessThan(RESOLUTIONS * 0.2);
    expect(report.remedies.byType.length).toBeGreaterThanOrEqual(7);
    expect(report.remedies.byType.some((type: { failed: number }) => type.failed > 0)).toBe(true);
    expect(report.compensation.paid).toBeGreaterThan(0);
    expect(report.communityWork.hoursDone).toBeGreaterThan(0);
  });

  // Last: it receives a referral of its own, after the seed's `now`, which the tests above would count.
  it('makes the journeys’ case managers known users, to whom a case can be assigned', async () => {
    const journey = (await get('/api/referrals?limit=100')).json<{ items: { caseManager: string | null }[] }>().items.find((item) => item.caseManager);
    const created = await harness.request({ method: 'POST', url: '/api/referrals', headers: { authorization: supervisor }, payload: { source: 'self', crimeType: 'theft', victim: { name: 'Ann Example' }, consent: { contact: true, dataSharing: false, basis: 'explicit' } } });
    const assign = (caseManager: string) => harness.request({ method: 'POST', url: `/api/referrals/${created.json().id}/assign`, headers: { authorization: supervisor }, payload: { caseManager } });
    expect((await assign(journey!.caseManager!)).statusCode).toBe(200);
    expect((await assign('not-on-the-staff')).statusCode).toBe(400);
  });
});

describe('seed arguments', () => {
  it('reads the counts and the generator seed', () => {
    expect(parseSeedArgs(['--referrals', '10000', '--complaints', '1000', '--resolutions', '2000'])).toEqual({ referrals: 10000, complaints: 1000, resolutions: 2000, seed: 1 });
    expect(parseSeedArgs(['--referrals', '5', '--seed', '42'])).toEqual({ referrals: 5, complaints: 0, resolutions: 0, seed: 42 });
  });

  it('refuses what it cannot use, with the usage line', () => {
    for (const argv of [['--referrals', 'many'], ['--referals', '5'], [], ['--referrals', '-3']]) {
      expect(() => parseSeedArgs(argv)).toThrow(SeedUsageError);
      expect(() => parseSeedArgs(argv)).toThrow(/Usage: npm run seed/);
    }
  });
});
