import type pg from 'pg';
import { checkpoints } from '../../projections/runner/checkpoint-store.ts';
import { ALL_PROJECTIONS } from '../../projections/runner/projection-registry.ts';
import { createSuitePool } from '../pool.ts';
import { round } from '../ratios.ts';
import type { ServiceSecrets } from '../scale/read-models.ts';
import type { SuiteContext } from '../suite.ts';
import { cpuSecondsOf } from './process-cpu.ts';
import { startServiceProcess, type ServiceProcess } from './service-process.ts';

const WINDOW_SECONDS = 10;
/** Windows left out, logged: the work's aftermath (V8 collecting the garbage of the catch-up and the signing). */
const SETTLING_WINDOWS = 2;
/** A minute measured, so the once-a-minute signed checkpoint counts as often as it runs. */
const MEASURED_WINDOWS = 6;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `idle.cpu`: the CPU the service as `npm start` runs it (projectors inside) and its database's backends use
 * while nobody asks anything, in ms per second, once every projection has caught up, the first signed
 * checkpoint of the log (which hashes the whole log once) is taken and the aftermath of that work has passed: the
 * mean over a minute. The server's own processes (WAL writer,
 * checkpointer, autovacuum) are left out: on a shared server they work for other databases too.
 */
export async function measureIdleCpu(context: SuiteContext, secrets: ServiceSecrets): Promise<void> {
  const service = await startServiceProcess(context.databaseUrl, secrets.AUTH_JWT_SECRET, { MASTER_KEY: secrets.MASTER_KEY });
  const pool = createSuitePool(context.databaseUrl, 1);
  try {
    const started = performance.now();
    await settled(pool);
    context.log(`Idle: projections caught up and the log's checkpoint signed in ${round((performance.now() - started) / 1000, 1)} s`);
    const windows: number[] = [];
    for (let window = 0; window < SETTLING_WINDOWS + MEASURED_WINDOWS; window++) {
      const { service: ofService, database } = await idleWindow(pool, service);
      context.log(`Idle, ${WINDOW_SECONDS * window}-${WINDOW_SECONDS * (window + 1)} s${window < SETTLING_WINDOWS ? ' (settling)' : ''}: service ${ofService} ms/s, its database's backends ${database} ms/s`);
      if (window >= SETTLING_WINDOWS) windows.push(ofService + database);
    }
    context.report({ name: 'idle.cpu', value: round(windows.reduce((sum, value) => sum + value, 0) / windows.length, 1), unit: 'ms/s' });
  } finally {
    await pool.end();
    await service.stop();
  }
}

/** CPU ms per second over WINDOW_SECONDS of the service's processes and of its database's backends. */
async function idleWindow(pool: pg.Pool, service: ServiceProcess): Promise<Record<'service' | 'database', number>> {
  const before = await cpuByProcess(pool, service);
  await pause(WINDOW_SECONDS * 1000);
  const after = await cpuByProcess(pool, service);
  const used = (part: 'service' | 'database') =>
    round([...after[part]].reduce((sum, [pid, seconds]) => sum + seconds - (before[part].get(pid) ?? 0), 0) * (1000 / WINDOW_SECONDS), 1);
  return { service: used('service'), database: used('database') };
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

/** CPU seconds so far of the service's processes and of the database's backends (but the one asking), by pid. */
async function cpuByProcess(pool: pg.Pool, service: ServiceProcess): Promise<Record<'service' | 'database', Map<number, number>>> {
  const backends = await pool.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
  const measure = async (pids: number[]) => new Map(await Promise.all(pids.map(async (pid) => [pid, await cpuSecondsOf(pid)] as const)));
  return { service: await measure(await service.pids()), database: await measure(backends.rows.map((row) => row.pid)) };
}
