import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { forEachConcurrently } from '../harness.ts';
import { round } from '../ratios.ts';
import { benchJwtSecret, bearer, receiveReferralBody, recordContactBody } from '../service/commands.ts';
import { EMMETT_PEER, startProjectorProcess, startServiceProcess, type MeasuredProcess, type ServiceProcess } from '../service/service-process.ts';
import type { Suite, SuiteContext } from '../suite.ts';

const CONNECTIONS = 200;
/** Referrals the state changes pick from: enough that two connections rarely change the same one at once. */
const TARGET_REFERRALS = 2_000;
/** One create to three state changes, roughly a victim care centre's day. */
const CHANGES_PER_CREATE = 3;

interface Topology {
  /** Appended to the figures' names; the deployment's own topology has none. */
  suffix: string;
  description: string;
  separateProjectors: boolean;
  /** Also measures the liveness probe at the same connections: the most the HTTP stack and load generator answer here. */
  measureProbe: boolean;
}

const TOPOLOGIES: Topology[] = [
  { suffix: '', description: 'API and projectors as separate processes, as docker/compose.yml deploys them', separateProjectors: true, measureProbe: true },
  { suffix: '.in-process', description: 'one process with its projectors inside, as `npm start` runs', separateProjectors: false, measureProbe: false },
];

/**
 * Commands over HTTP against the built service in its own process, its projectors running, at 200
 * concurrent connections: the whole path (auth, validation, idempotency-free command pipeline, personal-data
 * encryption, hash chain, append) that the bare append figure of the casework suite leaves out. Measured
 * as deployed (API and projector processes) and as `npm start` runs (one process), each on fresh referrals.
 */
export const httpSuite: Suite = {
  name: 'http',
  async run(context) {
    // One master key for both: the second topology's projectors read the first one's events.
    const masterKey = randomBytes(32).toString('base64');
    for (const topology of TOPOLOGIES) await measureTopology(topology, masterKey, context);
    await measureEmmettPeer(context);
  },
};

/**
 * The same mix against the peer written with Emmett on Fastify (bench/peer), on the same server and database, from
 * the same load generator: `emmett.http.command.*` beside Casework's figures, and their ratios.
 */
async function measureEmmettPeer(context: SuiteContext): Promise<void> {
  context.log('Peer: the same two commands with Emmett on Fastify (no encryption, hash chain, idempotency, access log or projections)');
  const secret = benchJwtSecret();
  const peer = await startServiceProcess(context.databaseUrl, secret, {}, EMMETT_PEER);
  try {
    const authorization = await bearer(secret, 'bench-case-manager', ['case_manager']);
    const targets = await createReferrals(peer, authorization, context);
    await measureCommands(peer, undefined, authorization, targets, { figure: 'emmett.http.command', suffix: '' }, context);
  } finally {
    await peer.stop();
  }
}

async function measureTopology(topology: Topology, masterKey: string, context: SuiteContext): Promise<void> {
  context.log(`Topology: ${topology.description}`);
  const secret = benchJwtSecret();
  const env = { MASTER_KEY: masterKey, ...(topology.separateProjectors ? { PROJECTIONS: 'off' } : {}) };
  const service = await startServiceProcess(context.databaseUrl, secret, env);
  const projectors = topology.separateProjectors ? await startProjectorProcess(context.databaseUrl, env) : undefined;
  try {
    const authorization = await bearer(secret, 'bench-case-manager', ['case_manager']);
    const targets = await createReferrals(service, authorization, context);
    await measureCommands(service, projectors, authorization, targets, { figure: 'http.command', suffix: topology.suffix }, context);
    if (topology.measureProbe) await measureProbe(service, context);
    context.report({ name: `service.rss.peak.commands${topology.suffix}`, value: await service.peakRssMb(), unit: 'MB' });
    if (projectors) context.report({ name: 'projectors.rss.peak.commands', value: await projectors.peakRssMb(), unit: 'MB' });
  } finally {
    await projectors?.stop();
    await service.stop();
  }
}

async function createReferrals(service: ServiceProcess, authorization: string, context: SuiteContext): Promise<string[]> {
  context.log(`Creating ${TARGET_REFERRALS} referrals over HTTP`);
  const ids: string[] = [];
  await forEachConcurrently(TARGET_REFERRALS, 16, async (index) => {
    const response = await fetch(`${service.url}/api/referrals`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: receiveReferralBody(index) });
    if (response.status !== 201) throw new Error(`Creating a referral answered ${response.status}: ${await response.text()}`);
    ids.push(((await response.json()) as { id: string }).id);
  });
  return ids;
}

async function measureCommands(
  service: ServiceProcess,
  projectors: MeasuredProcess | undefined,
  authorization: string,
  targets: readonly string[],
  names: { figure: string; suffix: string },
  context: SuiteContext,
): Promise<void> {
  // After every target referral was received (a contact before receipt is refused) and never in the future while measured.
  const contactAt = new Date();
  let created = 0;
  const create: autocannon.Request = { method: 'POST', path: '/api/referrals', setupRequest: (request) => ({ ...request, body: receiveReferralBody(created++) }) };
  const change: autocannon.Request = {
    method: 'POST',
    body: recordContactBody(contactAt),
    setupRequest: (request) => ({ ...request, path: `/api/referrals/${targets[Math.floor(Math.random() * targets.length)]}/contacts` }),
  };
  const options = {
    url: service.url,
    connections: CONNECTIONS,
    headers: { authorization, 'content-type': 'application/json' },
    requests: [create, ...Array.from({ length: CHANGES_PER_CREATE }, () => change)],
  };
  context.log(`Commands over HTTP, ${CONNECTIONS} connections (1 create : ${CHANGES_PER_CREATE} contacts recorded)`);
  await autocannon({ ...options, duration: Math.max(1, context.timing.warmupMs / 1000) });
  const cpuBefore = await Promise.all([service.cpuSeconds(), projectors?.cpuSeconds()]);
  const result = await autocannon({ ...options, duration: context.timing.durationMs / 1000 });
  const cpuAfter = await Promise.all([service.cpuSeconds(), projectors?.cpuSeconds()]);
  const failed = result.non2xx + result.errors + result.timeouts;
  context.log(`${result['2xx']} commands answered 2xx, ${failed} did not (${JSON.stringify(result.statusCodeStats)}), in ${result.duration} s`);
  if (result['2xx'] === 0 || failed > result['2xx'] * 0.01) throw new Error(`No command or more than 1% of them answered 2xx; the figure would not mean anything`);
  context.report({ name: `${names.figure}.c200${names.suffix}`, value: round(result['2xx'] / result.duration, 1), unit: 'commands/s' });
  context.report({ name: `${names.figure}.p99${names.suffix}`, value: result.latency.p99, unit: 'ms' });
  // Late answers to requests sent in the window are counted in it too: a small overstatement per command.
  const cpuMsPerCommand = (index: number) => ((cpuAfter[index]! - cpuBefore[index]!) * 1000) / result['2xx'];
  context.report({ name: `${names.figure}.cpu${names.suffix}`, value: round(cpuMsPerCommand(0), 2), unit: 'ms/command' });
  if (!projectors) return;
  context.report({ name: 'projectors.cpu.commands', value: round(cpuMsPerCommand(1), 2), unit: 'ms/command' });
  // What a command costs the deployment in all: the API's work and the projectors' work it causes.
  context.report({ name: `${names.figure}.cpu.with-projectors`, value: round(cpuMsPerCommand(0) + cpuMsPerCommand(1), 2), unit: 'ms/command' });
}

/**
 * The service's liveness probe (no auth, no body, no database) from the same load generator at the same
 * connections: a ceiling for any command on this machine, the HTTP stack's and the load generator's share.
 */
async function measureProbe(service: ServiceProcess, context: SuiteContext): Promise<void> {
  const options = { url: `${service.url}/api/health/live`, connections: CONNECTIONS };
  await autocannon({ ...options, duration: Math.max(1, context.timing.warmupMs / 1000) });
  const result = await autocannon({ ...options, duration: context.timing.durationMs / 1000 });
  if (result.non2xx + result.errors + result.timeouts > 0) throw new Error(`The liveness probe failed ${result.non2xx + result.errors + result.timeouts} times under load`);
  context.report({ name: 'http.probe.c200', value: round(result['2xx'] / result.duration, 1), unit: 'requests/s' });
  context.report({ name: 'http.probe.p99', value: result.latency.p99, unit: 'ms' });
}
