import { percentile, sampleLatencies } from '../latency.ts';
import { round } from '../ratios.ts';
import { measureDisposal } from '../scale/disposals.ts';
import { measureErasures } from '../scale/erasures.ts';
import { addBankHoliday, afterHoliday, DUE_ORDERED_KINDS } from '../scale/holiday-change.ts';
import { buildReadModels, caseManagerIds, type ServiceSecrets } from '../scale/read-models.ts';
import { CONCURRENCY, QUERY_KINDS, type QueryKind } from '../scale/query-kinds.ts';
import { FULL_SCALE, readScaleSizes, SMALL_SCALE, type ScaleSizes } from '../scale/scale-sizes.ts';
import { bearer } from '../service/commands.ts';
import { measureIdleCpu } from '../service/idle-cpu.ts';
import { startServiceProcess, type ServiceProcess } from '../service/service-process.ts';
import { Random } from '../../src/seed/random.ts';
import type { Suite, SuiteContext } from '../suite.ts';
import { Agent, request as httpRequest } from 'undici';

/** Small read models in every run; `BENCH_SUITES=scale` for the million referrals. */
export const queriesSuite = querySuite('queries', SMALL_SCALE);
export const scaleSuite = querySuite('scale', FULL_SCALE);

/**
 * Query latency over HTTP on large read models: the built service in its own process (projectors off, as
 * an API replica runs), lists and reports as their users ask them, each percentile from every request, and the
 * lists ordered by what falls due first again right after an administrator adds a bank holiday. Then
 * what the service with its projectors and its database cost idle, on the same store, and a disposal and erasures on it.
 */
function querySuite(name: string, defaults: ScaleSizes): Suite {
  return {
    name,
    async run(context) {
      const sizes = readScaleSizes(defaults);
      context.log(`${sizes.referrals} referrals, ${sizes.complaints} complaints and ${sizes.resolutions} resolutions over ${sizes.historyDays} days, ${sizes.caseManagers} case managers`);
      const secrets = await buildReadModels(context, sizes);
      const phases = readPhases();
      if (phases.has('queries')) await measureQueries(context, sizes, secrets);
      if (phases.has('idle')) await measureIdleCpu(context, secrets);
      if (phases.has('disposal')) await measureDisposal(context, secrets);
      if (phases.has('erasures')) await measureErasures(context, secrets);
    },
  };
}

const PHASES = ['queries', 'idle', 'disposal', 'erasures'] as const;

/** BENCH_PHASES (default all): on a kept store, a run may measure only some of what follows its read models, in this order. */
function readPhases(env: NodeJS.ProcessEnv = process.env): Set<string> {
  const named = env.BENCH_PHASES?.split(',').map((phase) => phase.trim()).filter(Boolean) ?? [...PHASES];
  const unknown = named.filter((phase) => !(PHASES as readonly string[]).includes(phase));
  if (unknown.length) throw new Error(`BENCH_PHASES: unknown ${unknown.join(', ')}; expected some of ${PHASES.join(', ')}`);
  return new Set(named);
}

async function measureQueries(context: SuiteContext, sizes: ScaleSizes, secrets: ServiceSecrets): Promise<void> {
  const service = await startServiceProcess(context.databaseUrl, secrets.AUTH_JWT_SECRET, { MASTER_KEY: secrets.MASTER_KEY, PROJECTIONS: 'off' });
  try {
    const samples = { list: [] as number[], report: [] as number[] };
    for (const kind of QUERY_KINDS) samples[kind.group].push(...(await measureKind(service, kind, sizes, secrets.AUTH_JWT_SECRET, context)));
    context.report({ name: 'query.list.p95', value: round(percentile(samples.list, 95), 1), unit: 'ms' });
    context.report({ name: 'query.report.p95', value: round(percentile(samples.report, 95), 1), unit: 'ms' });
    await addBankHoliday(service, secrets, context);
    const afterChange: number[] = [];
    for (const kind of QUERY_KINDS.filter(({ name }) => DUE_ORDERED_KINDS.includes(name))) afterChange.push(...(await measureKind(service, afterHoliday(kind), sizes, secrets.AUTH_JWT_SECRET, context)));
    context.report({ name: 'query.list.after-holiday.p95', value: round(percentile(afterChange, 95), 1), unit: 'ms' });
    context.report({ name: 'service.rss.peak.queries', value: await service.peakRssMb(), unit: 'MB' });
  } finally {
    await service.stop();
  }
}

async function measureKind(service: ServiceProcess, kind: QueryKind, sizes: ScaleSizes, secret: string, context: SuiteContext): Promise<number[]> {
  const concurrency = CONCURRENCY[kind.group];
  // One person per client, as in an office: a user's reads of a day share one access-log stream.
  const callers = kind.caseload ? caseManagerIds(sizes) : Array.from({ length: concurrency }, (_, index) => `bench-${kind.roles[0]}-${index}`);
  if (callers.length < concurrency) throw new Error(`BENCH_CASE_MANAGERS must be at least ${concurrency}, one caseload per client`);
  const tokens = await Promise.all(callers.map((sub) => bearer(secret, sub, kind.roles)));
  const random = new Random(7);
  // Each client asks as its own share of the callers in turn (caseloads: each case manager's own).
  const shares = Array.from({ length: concurrency }, (_, client) => tokens.filter((_, index) => index % concurrency === client));
  const asked = Array.from({ length: concurrency }, () => 0);
  let items = 0;
  let answered = 0;
  // undici's own client on kept-alive connections costs the load generator less per request than fetch: it
  // shares the two cores with the service and its database, where a real office's browsers would not.
  const agent = new Agent({ connections: concurrency });
  const request = async (client: number) => {
    const path = kind.path(random);
    const share = shares[client]!;
    const token = share[asked[client]!++ % share.length]!;
    const response = await httpRequest(`${service.url}${path}`, { headers: { authorization: token }, dispatcher: agent });
    const body = await response.body.text();
    if (response.statusCode !== 200) throw new Error(`GET ${path} answered ${response.statusCode}: ${body.slice(0, 300)}`);
    answered += 1;
    if (kind.group === 'list') items += (JSON.parse(body) as { items: unknown[] }).items.length;
  };
  const samples = await sampleLatencies(concurrency, context.timing, request).finally(() => agent.close());
  const listed = kind.group === 'list' ? `, ${round(items / answered, 1)} items a page` : '';
  context.log(`${kind.name}: ${samples.length} requests, p50 ${round(percentile(samples, 50), 1)} ms, p95 ${round(percentile(samples, 95), 1)} ms${listed}`);
  context.report({ name: `query.${kind.group}.${kind.name}.p95`, value: round(percentile(samples, 95), 1), unit: 'ms' });
  return samples;
}
