import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ComplaintListReportColumns1763800009200 } from '../../../../projections/complaints/1763800009200-complaint-list-report-columns.ts';
import { asOwner, bearer, startTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { londonDate, type WorkingDayCalendar } from '../../../calendar/working-days.ts';
import { EventCatalog } from '../../../event-store/event-catalog.ts';
import { EVENT_STORE } from '../../../event-store/event-store.port.ts';
import { seedComplaints, type SeedResult } from '../../../seed/seeder.ts';
import { SettingsService } from '../../../settings/settings.service.ts';
import type { LoggedComplaint } from '../../domain/complaint.state.ts';
import type { ReviewBody } from '../../domain/criteria.ts';
import type { ComplaintsReport, Count } from './complaints-report.query.ts';

/** The report as it was computed before the columns: every complaint's folded state, in Node. */
function referenceReport(complaints: readonly LoggedComplaint[], period: { from: string; to: string }, calendar: WorkingDayCalendar, labelOf: (key: string) => string): Omit<ComplaintsReport, 'equality'> {
  const finalisedAt = (complaint: LoggedComplaint) => {
    if (complaint.withdrawal) return null;
    if (complaint.route === 'recorded') return complaint.outcome?.decidedAt ?? null;
    return complaint.resolution?.at ?? null;
  };
  const average = (values: readonly number[]) => (values.length === 0 ? null : Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10);
  const counted = (keys: readonly string[]): Count[] => {
    const counts = new Map<string, number>();
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  };
  const recorded = complaints.filter((complaint) => complaint.recording);
  const contacted = complaints.flatMap((complaint) => (complaint.contact ? [complaint.contact.workingDaysFromReceipt] : []));
  const finalised = complaints.flatMap((complaint) => {
    const at = finalisedAt(complaint);
    return at ? [calendar.workingDaysBetween(londonDate(complaint.receivedAt), londonDate(at))] : [];
  });
  const reviewsBy = (body: ReviewBody) => {
    const reviews = complaints.flatMap((complaint) => (complaint.review?.body === body ? [complaint.review] : []));
    return { body, received: reviews.length, decided: reviews.filter((review) => review.decision).length, upheld: reviews.filter((review) => review.decision?.upheld).length };
  };
  return {
    period,
    logged: complaints.length,
    recorded: recorded.length,
    handledOutsideSchedule3: complaints.filter((complaint) => complaint.handlingStartedAt !== null).length,
    withdrawn: complaints.filter((complaint) => complaint.withdrawal).length,
    allegationsByCategory: counted(complaints.flatMap((complaint) => complaint.allegations.map((allegation) => allegation.category))).map((count) => ({ ...count, label: labelOf(count.key) })),
    reasonsForRecording: counted(recorded.map((complaint) => complaint.recording!.reason)),
    workingDaysToContact: { average: average(contacted), complaints: contacted.length },
    workingDaysToFinalise: { average: average(finalised), complaints: finalised.length },
    reviews: [reviewsBy('pcc'), reviewsBy('iopc')],
  };
}

const COMPLAINTS = 400;
const dayBefore = (date: Date, days: number) => londonDate(new Date(date.getTime() - days * 86_400_000));

describe('the complaints report from complaint_list report columns', () => {
  let harness: TestApp;
  let supervisor: string;
  let seeded: SeedResult;
  const now = new Date();
  const periods = [
    { from: dayBefore(now, 366), to: londonDate(now) },
    { from: dayBefore(now, 91), to: londonDate(now) },
    { from: dayBefore(now, 200), to: dayBefore(now, 150) },
  ];

  beforeAll(async () => {
    harness = await startTestApp();
    supervisor = await bearer(['supervisor'], 'sup-report');
    const { app } = harness;
    seeded = await seedComplaints({ store: app.get(EVENT_STORE), catalog: app.get(EventCatalog), settings: await app.get(SettingsService).current(), now, seed: 11 }, COMPLAINTS);
  });
  afterAll(() => harness.close());

  const report = async ({ from, to }: { from: string; to: string }) => {
    const response = await harness.request({ method: 'GET', url: `/api/reports/complaints?from=${from}&to=${to}`, headers: { authorization: supervisor, 'x-min-position': seeded.lastPosition!.toString() } });
    expect(response.statusCode).toBe(200);
    // The equality breakdown has its own test (test/e2e/demographics.e2e-spec.ts); here none was recorded.
    const { equality, ...figures } = response.json<ComplaintsReport>();
    expect(equality.gender.find((cell) => cell.key === 'not-recorded')?.count).toBe(figures.logged > 0 && figures.logged < 5 ? null : figures.logged);
    return figures;
  };
  const expected = async ({ from, to }: { from: string; to: string }) => {
    const rows = await harness.sql<{ state: LoggedComplaint }>(
      `SELECT state FROM complaint_list WHERE (received_at AT TIME ZONE 'Europe/London')::date BETWEEN $1::date AND $2::date`,
      [from, to],
    );
    const settings = await harness.app.get(SettingsService).current();
    return referenceReport(rows.map((row) => row.state), { from, to }, settings.calendar, (key) => settings.labelOf('complaintCategories', key));
  };

  it('gives exactly what folding every complaint in Node gave, for a year, a quarter and a few weeks', async () => {
    for (const period of periods) {
      const figures = await report(period);
      expect(figures).toEqual(await expected(period));
      expect(figures.logged).toBeGreaterThan(0);
    }
    const year = await report(periods[0]!);
    expect(year.logged).toBe(COMPLAINTS);
    expect(year.workingDaysToFinalise.complaints).toBeGreaterThan(COMPLAINTS * 0.5);
    expect(year.workingDaysToFinalise.average).toBeGreaterThan(1);
  });

  it('fills the columns of rows projected before them from their state (the migration), to the same figures', async () => {
    const migration = new ComplaintListReportColumns1763800009200();
    await asOwner(harness, async (runner) => {
      await migration.down(runner);
      await migration.up(runner);
    });
    const [{ received_day_missing }] = await harness.sql<{ received_day_missing: number }>('SELECT count(*) FILTER (WHERE received_day IS NULL)::int AS received_day_missing FROM complaint_list');
    expect(received_day_missing).toBe(0);
    for (const period of periods) expect(await report(period)).toEqual(await expected(period));
  });
});
