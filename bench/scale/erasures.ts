import { Agent, request as httpRequest } from 'undici';
import { percentile } from '../latency.ts';
import { createSuitePool } from '../pool.ts';
import { round } from '../ratios.ts';
import { bearer } from '../service/commands.ts';
import { startServiceProcess } from '../service/service-process.ts';
import type { SuiteContext } from '../suite.ts';
import type { ServiceSecrets } from './read-models.ts';

/** Erasures timed one by one, from the request to no read model showing the name. */
const TIMED_ERASURES = 50;
/** Erased in a row while a supervisor keeps searching the referral list. */
const ERASURES_IN_A_ROW = 1000;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Victim {
  referralId: string;
  subjectId: string;
  name: string;
}

/**
 * Erasure at the read models' scale, against the service as `npm start` runs it (projectors inside):
 * `erasure.latency.p50`/`.p95` (ms from the erase request until the referral search no longer finds the victim,
 * one erasure at a time), `erasure.thousand` (s for 1,000 erasures in a row) and `erasure.thousand.list.p95` (ms,
 * a supervisor's searches of the referral list meanwhile, each of which must answer 200).
 */
export async function measureErasures(context: SuiteContext, secrets: ServiceSecrets): Promise<void> {
  const service = await startServiceProcess(context.databaseUrl, secrets.AUTH_JWT_SECRET, { MASTER_KEY: secrets.MASTER_KEY });
  const agent = new Agent({ connections: 4 });
  try {
    const admin = await bearer(secrets.AUTH_JWT_SECRET, 'bench-admin', ['admin']);
    const supervisor = await bearer(secrets.AUTH_JWT_SECRET, 'bench-supervisor', ['supervisor']);
    const call = async (method: 'GET' | 'POST', path: string, authorization: string, body?: object) => {
      const response = await httpRequest(`${service.url}${path}`, {
        method,
        headers: { authorization, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
        dispatcher: agent,
      });
      const text = await response.body.text();
      // An erasure whose read models are still behind answers 202: the latency loop waits for them.
      if (response.statusCode !== 200 && !(method === 'POST' && response.statusCode === 202)) throw new Error(`${method} ${path} answered ${response.statusCode}: ${text.slice(0, 300)}`);
      return JSON.parse(text) as { items?: { id: string }[] };
    };
    await caughtUp(admin, call);
    // Only now: the disposal before may have erased victims that a read model still behind was showing.
    const victims = await victimsToErase(context.databaseUrl, TIMED_ERASURES + ERASURES_IN_A_ROW);
    const erase = (victim: Victim) => call('POST', `/api/admin/data-subjects/${victim.subjectId}/erase`, admin, { ground: 'art17-withdrawn-consent', requestReference: 'BENCH-1' });
    const search = (victim: Victim) => call('GET', `/api/referrals?q=${encodeURIComponent(victim.name)}`, supervisor);

    const latencies: number[] = [];
    for (const victim of victims.slice(0, TIMED_ERASURES)) {
      const started = performance.now();
      await erase(victim);
      while ((await search(victim)).items!.some((item) => item.id === victim.referralId)) await pause(5);
      latencies.push(performance.now() - started);
    }
    context.log(`${TIMED_ERASURES} erasures one at a time: p50 ${round(percentile(latencies, 50), 1)} ms, p95 ${round(percentile(latencies, 95), 1)} ms`);
    context.report({ name: 'erasure.latency.p50', value: round(percentile(latencies, 50), 1), unit: 'ms' });
    context.report({ name: 'erasure.latency.p95', value: round(percentile(latencies, 95), 1), unit: 'ms' });

    const inARow = victims.slice(TIMED_ERASURES);
    const listLatencies: number[] = [];
    let erasing = true;
    const searching = (async () => {
      for (let index = 0; erasing; index++) {
        const started = performance.now();
        await search(victims[index % victims.length]!);
        listLatencies.push(performance.now() - started);
      }
    })();
    const started = performance.now();
    try {
      for (const victim of inARow) await erase(victim);
    } finally {
      erasing = false;
      await searching;
    }
    const seconds = (performance.now() - started) / 1000;
    context.log(`${inARow.length} erasures in a row: ${round(seconds, 1)} s; ${listLatencies.length} searches meanwhile, p95 ${round(percentile(listLatencies, 95), 1)} ms`);
    context.report({ name: 'erasure.thousand', value: round(seconds, 1), unit: 's' });
    context.report({ name: 'erasure.thousand.list.p95', value: round(percentile(listLatencies, 95), 1), unit: 'ms' });
  } finally {
    await agent.close();
    await service.stop();
  }
}

/** Victims of distinct referrals, each their own data subject, none erased yet. */
async function victimsToErase(databaseUrl: string, count: number): Promise<Victim[]> {
  const pool = createSuitePool(databaseUrl, 1);
  try {
    const result = await pool.query<Victim>(
      `SELECT DISTINCT ON (state->'victim'->>'subjectId') id AS "referralId", state->'victim'->>'subjectId' AS "subjectId", victim_name AS name
         FROM referral_list WHERE victim_name NOT IN ('[erased]', '[restricted]') ORDER BY state->'victim'->>'subjectId' LIMIT $1`,
      [count],
    );
    if (result.rows.length < count) throw new Error(`Erasures need ${count} referrals, the read model has ${result.rows.length}`);
    return result.rows;
  } finally {
    await pool.end();
  }
}

/** Until no projection has an event left to apply: the service's catch-up would otherwise be timed with the erasures. */
async function caughtUp(admin: string, call: (method: 'GET', path: string, authorization: string) => Promise<unknown>): Promise<void> {
  for (;;) {
    const statuses = (await call('GET', '/api/admin/projections', admin)) as unknown as { lag: { events: number }; state: string }[];
    if (statuses.every((status) => status.lag.events === 0 && status.state === 'live')) return;
    await pause(500);
  }
}
