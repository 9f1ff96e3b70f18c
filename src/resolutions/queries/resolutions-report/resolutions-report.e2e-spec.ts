import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ResolutionListReportColumns1763800009300 } from '../../../../projections/resolutions/1763800009300-resolution-list-report-columns.ts';
import { asOwner, bearer, startTestApp, type TestApp } from '../../../../test/support/test-app.ts';
import { londonDate } from '../../../calendar/working-days.ts';
import { EventCatalog } from '../../../event-store/event-catalog.ts';
import { EVENT_STORE } from '../../../event-store/event-store.port.ts';
import { seedResolutions, type SeedResult } from '../../../seed/seeder.ts';
import { SettingsService } from '../../../settings/settings.service.ts';
import type { ResolutionsReport } from './resolutions-report.query.ts';

const RESOLUTIONS = 400;
const dayBefore = (date: Date, days: number) => londonDate(new Date(date.getTime() - days * 86_400_000));

/** The figures as they were aggregated before the columns: from every resolution's folded state. */
const IN_PERIOD = `(proposed_at AT TIME ZONE 'Europe/London')::date BETWEEN $1::date AND $2::date`;
const REMEDIES = `resolution_list, jsonb_array_elements(state->'remedies') AS remedy WHERE ${IN_PERIOD}`;
const REFERENCE = {
  byOffenceTypeAndOutcome: `SELECT offence_type_id AS "offenceType", coalesce(outcome, 'open') AS outcome, count(*)::int AS count
                              FROM resolution_list WHERE ${IN_PERIOD} GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`,
  byType: `SELECT remedy->>'remedyType' AS type, count(*)::int AS agreed,
                  count(*) FILTER (WHERE (remedy->>'chosenByVictim')::boolean)::int AS "chosenByVictim",
                  count(*) FILTER (WHERE remedy->>'status' = 'completed')::int AS completed,
                  count(*) FILTER (WHERE remedy->>'status' = 'failed')::int AS failed
             FROM ${REMEDIES} GROUP BY 1 ORDER BY 2 DESC, 1`,
  remedies: `SELECT count(*)::int AS agreed,
                    count(*) FILTER (WHERE (remedy->>'chosenByVictim')::boolean)::int AS chosen,
                    count(*) FILTER (WHERE remedy->>'overrideReason' IS NOT NULL)::int AS overridden,
                    coalesce(sum((remedy->>'hours')::numeric), 0)::float AS "hoursAgreed",
                    coalesce(sum((remedy->>'hoursDone')::numeric), 0)::float AS "hoursDone",
                    coalesce(sum((remedy->>'amount')::bigint), 0)::float AS "amountAgreed",
                    coalesce(sum((remedy->>'amountPaid')::bigint), 0)::float AS "amountPaid"
               FROM ${REMEDIES}`,
  victims: `SELECT count(*)::int AS resolutions,
                   count(*) FILTER (WHERE jsonb_array_length(state->'victims') > 0)::int AS "withVictims",
                   count(*) FILTER (WHERE jsonb_array_length(state->'victims') > 0
                                      AND NOT jsonb_path_exists(state, '$.victims[*] ? (@.consulted == false)'))::int AS consulted
              FROM resolution_list WHERE ${IN_PERIOD}`,
};

describe('the Community Resolutions report from resolution_list report columns', () => {
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
    seeded = await seedResolutions({ store: app.get(EVENT_STORE), catalog: app.get(EventCatalog), settings: await app.get(SettingsService).current(), now, seed: 13 }, RESOLUTIONS);
    // The report waits, as any query does, for the read model it reads to have the write named.
    const caughtUp = await harness.request({ method: 'GET', url: '/api/reports/community-resolutions', headers: { authorization: supervisor, 'x-min-position': seeded.lastPosition!.toString() } });
    expect(caughtUp.statusCode).toBe(200);
  });
  afterAll(() => harness.close());

  const report = async ({ from, to }: { from: string; to: string }) => {
    const response = await harness.request({ method: 'GET', url: `/api/reports/community-resolutions?from=${from}&to=${to}`, headers: { authorization: supervisor } });
    expect(response.statusCode).toBe(200);
    return response.json<ResolutionsReport>();
  };
  const expectSameAsFromState = async (period: { from: string; to: string }) => {
    const figures = await report(period);
    const params = [period.from, period.to];
    const [byOffenceTypeAndOutcome, byType, [remedies], [victims]] = await Promise.all([
      harness.sql(REFERENCE.byOffenceTypeAndOutcome, params),
      harness.sql(REFERENCE.byType, params),
      harness.sql(REFERENCE.remedies, params),
      harness.sql(REFERENCE.victims, params),
    ]);
    expect(figures.resolutions).toBe(victims.resolutions);
    expect(figures.byOffenceTypeAndOutcome).toEqual(byOffenceTypeAndOutcome);
    expect(figures.remedies).toEqual({
      agreed: remedies.agreed,
      chosenByVictim: remedies.chosen,
      notChosenByVictim: remedies.agreed - remedies.chosen,
      victimChoiceOverridden: remedies.overridden,
      byType,
    });
    expect(figures.communityWork).toEqual({ hoursAgreed: remedies.hoursAgreed, hoursDone: remedies.hoursDone });
    expect(figures.compensation).toEqual({ agreed: remedies.amountAgreed, paid: remedies.amountPaid });
    expect(figures.victims).toMatchObject({ resolutionsWithVictims: victims.withVictims, withVictimConsulted: victims.consulted });
    return figures;
  };

  it('answers 202 with Retry-After when its read model cannot catch up with X-Min-Position in time', async () => {
    const behind = await harness.request({ method: 'GET', url: '/api/reports/community-resolutions', headers: { authorization: supervisor, 'x-min-position': (2n ** 62n).toString() } });
    expect({ status: behind.statusCode, retryAfter: behind.headers['retry-after'] }).toEqual({ status: 202, retryAfter: '1' });
  });

  it('gives exactly what aggregating every resolution’s state gave, for a year, a quarter and a few weeks', async () => {
    for (const period of periods) expect((await expectSameAsFromState(period)).resolutions).toBeGreaterThan(0);
    const year = await expectSameAsFromState(periods[0]!);
    expect(year.resolutions).toBe(RESOLUTIONS);
    expect(year.remedies.byType.length).toBeGreaterThanOrEqual(5);
    expect(year.communityWork.hoursDone).toBeGreaterThan(0);
    expect(year.compensation.paid).toBeGreaterThan(0);
    expect(year.victims.withVictimConsulted).toBeGreaterThan(0);
    expect(year.victims.withVictimConsulted).toBeLessThan(year.victims.resolutionsWithVictims);
  });

  it('fills the columns of rows projected before them from their state (the migration), to the same figures', async () => {
    const migration = new ResolutionListReportColumns1763800009300();
    await asOwner(harness, async (runner) => {
      await migration.down(runner);
      await migration.up(runner);
    });
    for (const period of periods) await expectSameAsFromState(period);
  });
});
