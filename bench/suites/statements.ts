import { round } from '../ratios.ts';
import { benchJwtSecret, bearer, receiveReferralBody, recordContactBody } from '../service/commands.ts';
import { startServiceProcess, type ServiceProcess } from '../service/service-process.ts';
import { StatementCounter } from '../service/statement-counter.ts';
import type { Suite, SuiteContext } from '../suite.ts';

/** Sequential requests counted: enough that a statement run once in a while (a checkpoint) shows as a fraction. */
const REQUESTS = 200;
const WARM_UP_REQUESTS = 20;
/** Long enough for the projections to apply the last request's events (their lag is tens of milliseconds). */
const SETTLE_MS = 3_000;
/** The service left alone this long tells what its pollers run anyway, which each count then leaves out. */
const IDLE_MS = 10_000;
const TOP_STATEMENTS = 12;

/**
 * Round trips: how many SQL statements one command and one case read cost the database, projections included
 * (issue 23: the cost of a command here is the number of round trips, not the work in them). Counted with
 * pg_stat_statements over the service as `npm start` runs it, one request at a time on one referral, less what
 * the service runs when nothing is asked of it (its projection pollers), measured just before.
 */
export const statementsSuite: Suite = {
  name: 'statements',
  async run(context) {
    const counter = await StatementCounter.open(context.databaseUrl);
    if (!counter) return context.log('pg_stat_statements is not loaded on this server (the embedded bench server loads it): statements not counted');
    const secret = benchJwtSecret();
    const service = await startServiceProcess(context.databaseUrl, secret);
    try {
      const authorization = await bearer(secret, 'bench-case-manager', ['case_manager']);
      const referral = await createReferral(service, authorization);
      const recordContact = () => send(service, `/api/referrals/${referral}/contacts`, authorization, 200, recordContactBody(new Date()));
      const readCase = () => send(service, `/api/referrals/${referral}`, authorization, 200);
      // The case is readable once the projections have applied its receipt.
      while (!(await fetch(`${service.url}/api/referrals/${referral}`, { headers: { authorization } }).then((response) => response.ok))) await sleep(50);
      for (let index = 0; index < WARM_UP_REQUESTS; index++) await Promise.all([recordContact(), readCase()]);
      await sleep(SETTLE_MS);
      await counter.reset();
      await sleep(IDLE_MS);
      const idlePerSecond = (await counter.total()) / (IDLE_MS / 1000);
      context.report({ name: 'statements.idle', value: round(idlePerSecond, 2), unit: 'statements/s' });
      await countPerRequest('statements.command', recordContact, idlePerSecond, counter, context);
      await countPerRequest('statements.read', readCase, idlePerSecond, counter, context);
    } finally {
      await service.stop();
      await counter.close();
    }
  },
};

async function countPerRequest(name: string, request: () => Promise<void>, idlePerSecond: number, counter: StatementCounter, context: SuiteContext): Promise<void> {
  await counter.reset();
  const started = performance.now();
  for (let index = 0; index < REQUESTS; index++) await request();
  await sleep(SETTLE_MS);
  const pollers = (idlePerSecond * (performance.now() - started)) / 1000;
  context.report({ name, value: round(((await counter.total()) - pollers) / REQUESTS, 2), unit: 'statements/request' });
  context.log(`${name}: per request, the pollers' statements included (${round(pollers / REQUESTS, 2)} of them per request left out of the figure):`);
  for (const { calls, query } of (await counter.statements()).slice(0, TOP_STATEMENTS)) context.log(`  ${round(calls / REQUESTS, 2)} × ${query.replace(/\s+/g, ' ').slice(0, 140)}`);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function createReferral(service: ServiceProcess, authorization: string): Promise<string> {
  const response = await fetch(`${service.url}/api/referrals`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: receiveReferralBody(0) });
  if (response.status !== 201) throw new Error(`Creating a referral answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

async function send(service: ServiceProcess, path: string, authorization: string, expected: number, body?: string): Promise<void> {
  const headers = { authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) };
  const response = await fetch(`${service.url}${path}`, { method: body === undefined ? 'GET' : 'POST', headers, body });
  if (response.status !== expected) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  await response.arrayBuffer();
}
