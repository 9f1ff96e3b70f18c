import type pg from 'pg';
import { checkpoints } from '../../projections/runner/checkpoint-store.ts';
import { ALL_PROJECTIONS } from '../../projections/runner/projection-registry.ts';
import { createSuitePool } from '../pool.ts';
import { round } from '../ratios.ts';
import type { ServiceSecrets } from '../scale/read-models.ts';
import type { SuiteContext } from '../suite.ts';
import { cpuSecondsOf } from './process-cpu.ts';
import { startServiceProcess, type ServiceProcess } from './service-process.ts';
import { StatementCounter } from './statement-counter.ts';

const WINDOW_SECONDS = 10;
/**
 * Windows left out, logged: the work's aftermath. V8's memory reducer compacts the heap a few times once the
 * catch-up's allocations stop, the last of them seen 60 to 90 s after it (one 10 s window at 64 ms/s on the small
 * store, 142 at the million referrals), then leaves an idle heap alone.
 */
const SETTLING_WINDOWS = 12;
/** A minute measured, so the once-a-minute signed checkpoint counts as often as it runs. */
const MEASURED_WINDOWS = 6;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whose CPU a window counts: the service's processes, the backends serving its connections, and autovacuum's workers on its database. */
type Part = 'service' | 'database' | 'autovacuum';
const PARTS: readonly Part[] = ['service', 'database', 'autovacuum'];

/**
 * `idle.cpu`: the CPU the service as `npm start` runs it (projectors inside) and the backends serving its
 * connections use while nobody asks anything, in ms per second, once every projection has caught up, the first
 * signed checkpoint of the log (which hashes the whole log once) is taken and the aftermath of that work has
 * passed: the mean over a minute. The server's own processes (WAL writer, checkpointer) are left out: on a shared
 * server they work for other databases too. Autovacuum's workers on the database are not the service's: after a
 * catch-up of millions of events they vacuum and analyse its tables for minutes. They are reported on their own
 * (`idle.cpu.autovacuum`), as are the statements the service ran in that minute where pg_stat_statements is loaded.
 */
export async function measureIdleCpu(context: SuiteContext, secrets: ServiceSecrets): Promise<void> {
  const service = await startServiceProcess(context.databaseUrl, secrets.AUTH_JWT_SECRET, { MASTER_KEY: secrets.MASTER_KEY });
  const pool = createSuitePool(context.databaseUrl, 1);
  const counter = await StatementCounter.open(context.databaseUrl);
  try {
    const started = performance.now();
    await settled(pool);
    context.log(`Idle: projections caught up and the log's checkpoint signed in ${round((performance.now() - started) / 1000, 1)} s`);
    const measured: Record<Part, number>[] = [];
    for (let window = 0; window < SETTLING_WINDOWS + MEASURED_WINDOWS; window++) {
      if (window === SETTLING_WINDOWS) await counter?.reset();
      const used = await idleWindow(pool, service);
      context.log(
        `Idle, ${WINDOW_SECONDS * window}-${WINDOW_SECONDS * (window + 1)} s${window < SETTLING_WINDOWS ? ' (settling)' : ''}: service ${used.service} ms/s, the backends of its connections ${used.database} ms/s, autovacuum ${used.autovacuum} ms/s`,
      );
      if (window >= SETTLING_WINDOWS) measured.push(used);
    }
    const mean = (parts: readonly Part[]) => round(measured.reduce((sum, used) => sum + parts.reduce((part, name) => part + used[name], 0), 0) / measured.length, 1);
    context.report({ name: 'idle.cpu', value: mean(['service', 'database']), unit: 'ms/s' });
    context.report({ name: 'idle.cpu.autovacuum', value: mean(['autovacuum']), unit: 'ms/s' });
    if (counter) {
      const minutes = (MEASURED_WINDOWS * WINDOW_SECONDS) / 60;
      context.log('Idle: the statements of the measured minute, the longest running first:');
      const statements = (await counter.statements()).sort((a, b) => b.ms - a.ms).slice(0, 8);
      for (const { calls, ms, query } of statements) context.log(`  ${round(calls / minutes, 1)} a minute, ${round(ms / minutes, 1)} ms a minute: ${query.replace(/\s+/g, ' ').slice(0, 140)}`);
    }
  } finally {
    await counter?.close();
    await pool.end();
    await service.stop();
  }
}

/** CPU ms per second over WINDOW_SECONDS of each part. */
async function idleWindow(pool: pg.Pool, service: ServiceProcess): Promise<Record<Part, number>> {
  const before = await cpuByProcess(pool, service);
  await pause(WINDOW_SECONDS * 1000);
  const after = await cpuByProcess(pool, service);
  const used = (part: Part) => round([...after[part]].reduce((sum, [pid, seconds]) => sum + seconds - (before[part].get(pid) ?? 0), 0) * (1000 / WINDOW_SECONDS), 1);
  return { service: used('service'), database: used('database'), autovacuum: used('autovacuum') };
}

/** Until no projection has an event of its types left to apply and a signed checkpoint covers the log. */
async function settled(pool: pg.Pool): Promise<void> {
  for (;;) {
    const stored = new Map((await checkpoints.readAll(pool)).map((checkpoint) => [checkpoint.name, checkpoint]));
    const behind = await Promise.all(
      ALL_PROJECTIONS.map(async (projection) => {
        const checkpoint = stored.get(projection.name);
        if (checkpoint?.lastError) throw new Error(`Projection ${projection.name} failed: ${checkpoint.lastError}`);
        if (!checkpoint || checkpoint.rebuildVersion !== null) return true;
        const pending = await pool.query('SELECT EXISTS (SELECT 1 FROM events WHERE type = ANY($1) AND position > $2) AS pending', [
          projection.eventTypes,
          (checkpoint.position ?? -1n).toString(),
        ]);
        return pending.rows[0].pending as boolean;
      }),
    );
    const signed = await pool.query('SELECT (SELECT max(position) FROM integrity_checkpoints) >= (SELECT max(position) FROM events) AS signed');
    if (!behind.includes(true) && signed.rows[0].signed === true) return;
    await pause(1000);
  }
}

/**
 * CPU seconds so far, by pid, of the service's processes, of the backends serving connections to the database
 * (but the one asking) and of autovacuum's workers on it.
 */
async function cpuByProcess(pool: pg.Pool, service: ServiceProcess): Promise<Record<Part, Map<number, number>>> {
  const backends = await pool.query<{ pid: number; backend_type: string }>('SELECT pid, backend_type FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
  const measure = async (pids: number[]) => new Map(await Promise.all(pids.map(async (pid) => [pid, await cpuSecondsOf(pid)] as const)));
  const pidsOf = (types: readonly string[]) => backends.rows.filter((row) => types.includes(row.backend_type)).map((row) => row.pid);
  const parts = await Promise.all([measure(await service.pids()), measure(pidsOf(['client backend', 'parallel worker'])), measure(pidsOf(['autovacuum worker']))]);
  return Object.fromEntries(PARTS.map((part, index) => [part, parts[index]!])) as Record<Part, Map<number, number>>;
}
