import { checkpoints } from '../../projections/runner/checkpoint-store.ts';
import { requestRebuild } from '../../projections/runner/rebuild-request.ts';
import { DEFAULT_RUNNER_OPTIONS, ProjectionRunner } from '../../projections/runner/projection-runner.ts';
import { referralListProjection } from '../../projections/referrals/referral-list.projection.ts';
import type { Projection } from '../../projections/runner/projection.ts';
import { migrateDatabase } from '../../src/database/data-source.ts';
import { createPostgresEventStore, type PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store.ts';
import { createEventCatalog } from '../../src/event-store/known-events.ts';
import { percentile } from '../latency.ts';
import { newReferralEvent } from '../payload.ts';
import { round } from '../ratios.ts';
import { createSuitePool } from '../pool.ts';
import type { Suite, SuiteContext } from '../suite.ts';
import type pg from 'pg';

/** BENCH_PROJECTION_EVENTS (default 1,000,000): events the rebuild figure folds. */
const REBUILD_EVENTS = Number(process.env.BENCH_PROJECTION_EVENTS ?? 1_000_000);
const EVENTS_PER_REFERRAL = 5;
/** The steady append rate of the lag figure, and for how long. */
const LAG_APPENDS_PER_SECOND = 1_000;
const LAG_SECONDS = Number(process.env.BENCH_LAG_SECONDS ?? 10);

/**
 * The referral-list projection as the service runs it: rebuild throughput over generated history
 * (into a shadow table, indexed and swapped in), then append-to-visibility lag at a steady append rate
 * into the rebuilt table with all its indexes.
 */
export const projectionsSuite: Suite = {
  name: 'projections',
  async run(context) {
    await migrateDatabase(context.databaseUrl);
    const pool = createSuitePool(context.databaseUrl, 8);
    const store = createPostgresEventStore(context.databaseUrl);
    const projection = referralListProjection as unknown as Projection;
    // The service's own batch size: larger batches keep more objects alive across the writes they overlap, and cost more in garbage collection than they save in round trips.
    const runner = new ProjectionRunner(pool, store, createEventCatalog(), projection, { ...DEFAULT_RUNNER_OPTIONS, log: (_, line) => context.log(line) });
    try {
      await generateHistory(pool, REBUILD_EVENTS, context);
      await requestRebuildAtHead(pool, projection, (await store.headPosition())!);
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      runner.start();
      await rebuilt(pool, projection.name);
      const seconds = (performance.now() - started) / 1000;
      const cpu = process.cpuUsage(cpuBefore);
      // Whether Node.js or the wait for PostgreSQL bounds the rebuild: its CPU beside the time it took.
      context.log(`Rebuild: ${seconds.toFixed(1)} s, of which this process used ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU`);
      await expectRows(pool, REBUILD_EVENTS / EVENTS_PER_REFERRAL);
      context.report({ name: 'projection.rebuild', value: Math.round(REBUILD_EVENTS / seconds), unit: 'events/s' });
      // Lag is a steady-state figure: the rebuild's dirty pages written out and the swapped-in table analysed,
      // as the server has them a while after a rebuild (autovacuum would analyse a table this new within minutes).
      await pool.query('CHECKPOINT');
      await pool.query('VACUUM (ANALYZE) referral_list');
      await measureLag(pool, store, context);
    } finally {
      await runner.stop();
      await store.close();
      await pool.end();
    }
  },
};

/**
 * Writes realistic referral histories straight into the events table in large transactions (the
 * figure is about reading and folding them, not writing), with positions as the store assigns them.
 */
async function generateHistory(pool: pg.Pool, total: number, context: SuiteContext): Promise<void> {
  context.log(`Generating ${total} events (${EVENTS_PER_REFERRAL} per referral)`);
  const perTransaction = 200_000;
  for (let from = 0; from < total; from += perTransaction) {
    await pool.query(
      `INSERT INTO events (position, stream, revision, event_id, type, schema_version, data, metadata)
       SELECT (pg_current_xact_id()::text::bigint << 20) + g - $1, 'referral-' || r.id, k, gen_random_uuid(),
              CASE WHEN k = 0 THEN 'ReferralReceived' ELSE 'CaseManagerAssigned' END, 1,
              CASE WHEN k = 0 THEN jsonb_build_object(
                     'referralId', r.id, 'source', 'police', 'crimeReference', 'CR-' || (g / 5), 'crimeTypeId', 'burglary',
                     'offenceDate', '2025-03-14', 'crimeReportedOn', '2025-03-15',
                     'victim', jsonb_build_object('subjectId', gen_random_uuid(), 'name', 'Victim ' || (g / 5), 'dateOfBirth', '1979-11-02',
                                                  'phone', '+44 7700 900412', 'email', 'victim@example.org', 'address', '42 Larkspur Crescent'),
                     'consent', jsonb_build_object('contact', true, 'dataSharing', true, 'basis', 'explicit'),
                     'receivedAt', '2025-03-16T09:00:00Z')
                   ELSE jsonb_build_object('referralId', r.id, 'caseManager', 'cm-' || (g % 40), 'assignedAt', '2025-03-17T09:00:00Z') END,
              jsonb_build_object('actor', jsonb_build_object('sub', 'bench', 'roles', jsonb_build_array('case_manager')),
                                 'correlationId', gen_random_uuid(), 'causationId', gen_random_uuid())
         FROM generate_series($1::bigint, $2::bigint - 1) AS g,
              LATERAL (SELECT md5('referral' || (g / $3))::uuid AS id, (g % $3)::int AS k) AS r`,
      [from, Math.min(from + perTransaction, total), EVENTS_PER_REFERRAL],
    );
  }
  // History being rebuilt is old, long since vacuumed and written out; without this the first reader of
  // freshly inserted rows pays for setting their hint bits, and the rebuild's writes queue behind the write-back
  // of a gigabyte of generated history, neither of which a real rebuild would.
  await pool.query('VACUUM (ANALYZE) events');
  await pool.query('CHECKPOINT');
}

/**
 * A deployed read model, live at the head, asked to rebuild (as the admin route asks): the figure times
 * the rebuild path, a shadow table filled from the first event, indexed and swapped in. Its live table
 * stays empty, which the rebuild never reads.
 */
async function requestRebuildAtHead(pool: pg.Pool, projection: Projection, head: bigint): Promise<void> {
  await checkpoints.ensure(pool, projection.name, projection.version);
  await checkpoints.advance(pool, projection.name, 'live', head);
  await requestRebuild(pool, projection);
}

/** Resolves once the rebuild has been swapped in; a halted projection fails the run. */
async function rebuilt(pool: pg.Pool, name: string): Promise<void> {
  for (;;) {
    const checkpoint = await checkpoints.read(pool, name);
    if (checkpoint?.lastError) throw new Error(`Projection failed: ${checkpoint.lastError}`);
    if (checkpoint?.rebuildVersion === null) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A rebuild that lost or skipped rows must not pass for a fast one. */
async function expectRows(pool: pg.Pool, expected: number): Promise<void> {
  const { rows } = await pool.query<{ count: number }>('SELECT count(*)::int AS count FROM referral_list');
  if (rows[0]!.count !== expected) throw new Error(`The rebuilt referral_list has ${rows[0]!.count} rows, not ${expected}`);
}

/** Resolves once the projection's checkpoint reaches `head`; a halted projection fails the run. */
export async function caughtUp(pool: pg.Pool, name: string, head: bigint | undefined): Promise<void> {
  for (;;) {
    const checkpoint = await checkpoints.read(pool, name);
    if (checkpoint?.lastError) throw new Error(`Projection failed: ${checkpoint.lastError}`);
    if (checkpoint?.position != null && head !== undefined && checkpoint.position >= head) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Appends new referrals at a steady rate and times each from its append's return to its row's appearance. */
async function measureLag(pool: pg.Pool, store: PostgresEventStore, context: SuiteContext): Promise<void> {
  context.log(`Lag at ${LAG_APPENDS_PER_SECOND} appends/s for ${LAG_SECONDS} s`);
  const pending = new Map<string, number>();
  const lags: number[] = [];
  const total = LAG_APPENDS_PER_SECOND * LAG_SECONDS;
  let appended = 0;
  const start = performance.now();
  const appends: Promise<void>[] = [];
  const writer = (async () => {
    for (let index = 0; index < total; index++) {
      const due = start + (index * 1000) / LAG_APPENDS_PER_SECOND;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      const event = newReferralEvent();
      const referralId = (event.data as { referralId: string }).referralId;
      appends.push(
        store.append(`referral-${referralId}`, [event], 'no_stream').then(() => {
          pending.set(referralId, performance.now());
          appended++;
        }),
      );
    }
    await Promise.all(appends);
  })();
  let writing = true;
  void writer.then(() => (writing = false));
  while (writing || pending.size > 0) {
    if (pending.size > 0) {
      const ids = [...pending.keys()];
      const visible = await pool.query<{ id: string }>('SELECT id FROM referral_list WHERE id = ANY($1::uuid[])', [ids]);
      const now = performance.now();
      for (const { id } of visible.rows) {
        lags.push(now - pending.get(id)!);
        pending.delete(id);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  await writer;
  const achieved = appended / ((performance.now() - start) / 1000);
  context.log(`${appended} appends at ${achieved.toFixed(0)}/s, ${lags.length} seen in the read model`);
  context.report({ name: 'projection.lag.p50', value: round(percentile(lags, 50), 1), unit: 'ms' });
  context.report({ name: 'projection.lag.p99', value: round(percentile(lags, 99), 1), unit: 'ms' });
}
