import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { complaintListProjection } from '../../projections/complaints/complaint-list.projection.ts';
import { referralListProjection } from '../../projections/referrals/referral-list.projection.ts';
import { resolutionListProjection } from '../../projections/resolutions/resolution-list.projection.ts';
import { DEFAULT_RUNNER_OPTIONS, ProjectionRunner } from '../../projections/runner/projection-runner.ts';
import type { Projection } from '../../projections/runner/projection.ts';
import { createApp } from '../../src/app.factory.ts';
import { parseConfig } from '../../src/config/config.schema.ts';
import { EventCatalog } from '../../src/event-store/event-catalog.ts';
import { EVENT_STORE } from '../../src/event-store/event-store.port.ts';
import { complaintHistory } from '../../src/seed/complaint-histories.ts';
import { resolutionHistory } from '../../src/seed/resolution-histories.ts';
import { seedCases, type SeedResult, type SeedTarget } from '../../src/seed/seeder.ts';
import { SettingsService } from '../../src/settings/settings.service.ts';
import { withClient } from '../bench-server.ts';
import { createSuitePool } from '../pool.ts';
import { round } from '../ratios.ts';
import type { SuiteContext } from '../suite.ts';
import { caughtUp } from '../suites/projections.ts';
import { caseloadReferral } from './caseload-referral.ts';
import { keptStore } from './kept-store.ts';
import type { ScaleSizes } from './scale-sizes.ts';

/** Appends in flight while generating: enough to keep both cores and the server busy. */
const GENERATING_APPENDS = 32;

/** What the service process needs to read what was written: the same master key and secret. */
export interface ServiceSecrets {
  MASTER_KEY: string;
  AUTH_JWT_SECRET: string;
}

export const caseManagerIds = (sizes: ScaleSizes) => Array.from({ length: sizes.caseManagers }, (_, index) => `cm-${String(index + 1).padStart(3, '0')}`);

/**
 * Fills the referral-list, complaint-list and resolution-list read models as production would: realistic histories decided
 * by the domain, appended one case per append through the service's own event store (personal data
 * encrypted, hash-chained), then the service's projection runners catching up from the first event.
 */
export async function buildReadModels(context: SuiteContext, sizes: ScaleSizes): Promise<ServiceSecrets> {
  const kept = keptStore(context.databaseUrl, sizes);
  const restored = await kept?.restore();
  if (restored) {
    context.log(`Read models as kept in ${kept!.name}: neither generated nor caught up again`);
    return restored;
  }
  const secrets = await generateReadModels(context, sizes);
  if (kept) {
    await kept.keep(secrets);
    context.log(`Kept as ${kept.name} for later runs with BENCH_KEEP_STORE=1`);
  }
  return secrets;
}

async function generateReadModels(context: SuiteContext, sizes: ScaleSizes): Promise<ServiceSecrets> {
  const secrets = { MASTER_KEY: randomBytes(32).toString('base64'), AUTH_JWT_SECRET: randomBytes(32).toString('hex') };
  const dataDir = await mkdtemp(join(tmpdir(), 'casework-bench-scale-'));
  // Generated history is disposable: not waiting for each commit's flush makes generation minutes, not hours.
  // Reset before the service starts, so every write it makes while measured is durable.
  await alterDatabase(context.databaseUrl, 'SET synchronous_commit TO off');
  const config = parseConfig({ ...secrets, DATA_DIR: dataDir, PROJECTIONS: 'off' });
  const app = await createApp({ config, databaseUrl: context.databaseUrl, logger: false, docsUi: false });
  const pool = createSuitePool(context.databaseUrl, 8);
  try {
    const target: SeedTarget = { store: app.get(EVENT_STORE), catalog: app.get(EventCatalog), settings: await app.get(SettingsService).current(), now: new Date(), seed: 1 };
    const started = performance.now();
    const referrals = await generate(context, 'referrals', sizes.referrals, (progress) =>
      seedCases(target, sizes.referrals, (random, time, settings, now) => caseloadReferral(random, time, settings, now, caseManagerIds(sizes), sizes.historyDays), progress, GENERATING_APPENDS),
    );
    const complaints = await generate(context, 'complaints', sizes.complaints, (progress) =>
      seedCases(target, sizes.complaints, (random, time, settings, now) => complaintHistory(random, time, settings, now, sizes.historyDays), progress, GENERATING_APPENDS),
    );
    const resolutions = await generate(context, 'resolutions', sizes.resolutions, (progress) =>
      seedCases(target, sizes.resolutions, resolutionHistory, progress, GENERATING_APPENDS),
    );
    const events = referrals.events + complaints.events + resolutions.events;
    context.report({ name: 'scale.generate', value: Math.round(events / ((performance.now() - started) / 1000)), unit: 'events/s' });

    // Autovacuum analyses a table this size within minutes; without statistics the projectors' type-filtered
    // reads of `events` get a plan that sorts every remaining event of their types for each batch.
    await pool.query('ANALYZE events');
    const catchUpStarted = performance.now();
    await catchUp(pool, target, [
      [referralListProjection as unknown as Projection, referrals.lastPosition],
      [complaintListProjection as unknown as Projection, complaints.lastPosition],
      [resolutionListProjection as unknown as Projection, resolutions.lastPosition],
    ], context);
    const seconds = (performance.now() - catchUpStarted) / 1000;
    context.log(`Read models caught up with ${events} events in ${seconds.toFixed(0)} s`);
    context.report({ name: 'scale.catchup', value: Math.round(events / seconds), unit: 'events/s' });
    // Autovacuum would get there within minutes of a real rebuild; the planner needs the statistics.
    await pool.query('VACUUM (ANALYZE) referral_list, complaint_list, resolution_list');
    // And would have written out the pages the catch-up and the vacuum dirtied, as the projections suite does
    // before its lag phase: queries are measured in that steady state, not under the write-back.
    await pool.query('CHECKPOINT');
    context.log(
      `referral_list ${await sizeOf(pool, 'referral_list')}, complaint_list ${await sizeOf(pool, 'complaint_list')}, resolution_list ${await sizeOf(pool, 'resolution_list')}`,
    );
  } finally {
    await app.close();
    await pool.end();
    await alterDatabase(context.databaseUrl, 'RESET synchronous_commit');
    await rm(dataDir, { recursive: true, force: true });
  }
  return secrets;
}

async function generate(context: SuiteContext, label: string, count: number, write: (progress: (written: number) => void) => Promise<SeedResult>): Promise<SeedResult> {
  const started = performance.now();
  const every = Math.max(1000, Math.round(count / 10 / 1000) * 1000);
  const result = await write((written) => {
    if (written % every === 0) context.log(`${label}: ${written} of ${count}`);
  });
  context.log(`${label}: ${result.cases} cases, ${result.events} events in ${round((performance.now() - started) / 1000, 1)} s`);
  return result;
}

/**
 * Brings the list read models up to `head` (an administrator's change the service appended meanwhile, with its
 * projectors off), with the store and secrets the read models were built with.
 */
export async function catchUpLists(context: SuiteContext, secrets: ServiceSecrets, head: bigint): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'casework-bench-catch-up-'));
  const app = await createApp({ config: parseConfig({ ...secrets, DATA_DIR: dataDir, PROJECTIONS: 'off' }), databaseUrl: context.databaseUrl, logger: false, docsUi: false });
  const pool = createSuitePool(context.databaseUrl, 8);
  try {
    const target = { store: app.get(EVENT_STORE), catalog: app.get(EventCatalog) };
    await catchUp(pool, target, [referralListProjection, complaintListProjection].map((projection) => [projection as unknown as Projection, head]), context);
  } finally {
    await app.close();
    await pool.end();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The list projections at once, with the runner and batch size the service uses. */
async function catchUp(pool: pg.Pool, target: Pick<SeedTarget, 'store' | 'catalog'>, projections: [Projection, bigint | undefined][], context: SuiteContext): Promise<void> {
  const runners = projections.map(([projection]) => new ProjectionRunner(pool, target.store, target.catalog, projection, { ...DEFAULT_RUNNER_OPTIONS, log: (_, line) => context.log(line) }));
  runners.forEach((runner) => runner.start());
  try {
    await Promise.all(projections.map(([projection, last]) => caughtUp(pool, projection.name, last)));
  } finally {
    await Promise.all(runners.map((runner) => runner.stop()));
  }
}

async function alterDatabase(databaseUrl: string, change: string): Promise<void> {
  await withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ name: string }>('SELECT current_database() AS name');
    await client.query(`ALTER DATABASE "${rows[0]!.name}" ${change}`);
  });
}

async function sizeOf(pool: pg.Pool, table: string): Promise<string> {
  const { rows } = await pool.query<{ rows: number; size: string }>(`SELECT count(*)::int AS rows, pg_size_pretty(pg_total_relation_size($1)) AS size FROM ${table}`, [table]);
  return `${rows[0]!.rows} rows, ${rows[0]!.size}`;
}
