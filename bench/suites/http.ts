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
 * as deployed (API and projector processes), in rounds alternating with the Emmett peer's (each side's median
 * reported: the same code here moved by a third between runs minutes apart), and as `npm start` runs (one
 * process), each on fresh referrals.
 */
export const httpSuite: Suite = {
  name: 'http',
  async run(context) {
    // One master key for both: the second topology's projectors read the first one's events.
    const masterKey = randomBytes(32).toString('base64');
    const peer = await startEmmettPeer(context);
    try {
      for (const topology of TOPOLOGIES) await measureTopology(topology, masterKey, context, topology.separateProjectors ? peer : undefined);
    } finally {
      await peer.service.stop();
    }
  },
};

/** Rounds of each side, alternating: the median of each side is reported, so a minute's slower machine moves both. */
const ROUNDS = Math.max(1, Math.floor(Number(process.env.BENCH_HTTP_ROUNDS)) || 5);

/** A running side of the comparison, its referrals created, ready to be measured. */
interface Contender {
  service: ServiceProcess;
  projectors?: MeasuredProcess;
  authorization: string;
  targets: string[];
  names: { figure: string; suffix: string };
}

/** What one round of the command mix measured. */
interface CommandRound {
  commandsPerSecond: number;
  p99: number;
  /** The service's CPU per command, then its projectors', in ms. */
  cpuMs: number;
  projectorsCpuMs?: number;
}

/**
 * The same mix against the peer written with Emmett on Fastify (bench/peer), on the same server and database, from
 * the same load generator: `emmett.http.command.*` beside Casework's figures, and their ratios.
 */
async function startEmmettPeer(context: SuiteContext): Promise<Contender> {
  context.log('Peer: the same two commands with Emmett on Fastify (no encryption, hash chain, idempotency, access log or projections)');
  const secret = benchJwtSecret();
  const peer = await startServiceProcess(context.databaseUrl, secret, {}, EMMETT_PEER);
  const authorization = await bearer(secret, 'bench-case-manager', ['case_manager']);
  const targets = await createReferrals(peer, authorization, context);
  return { service: peer, authorization, targets, names: { figure: 'emmett.http.command', suffix: '' } };
}

async function measureTopology(topology: Topology, masterKey: string, context: SuiteContext, peer?: Contender): Promise<void> {
  context.log(`Topology: ${topology.description}`);
  const secret = benchJwtSecret();
  const env = { MASTER_KEY: masterKey, ...(topology.separateProjectors ? { PROJECTIONS: 'off' } : {}) };
  const service = await startServiceProcess(context.databaseUrl, secret, env);
  const projectors = topology.separateProjectors ? await startProjectorProcess(context.databaseUrl, env) : undefined;
  try {
    const authorization = await bearer(secret, 'bench-case-manager', ['case_manager']);
    const targets = await createReferrals(service, authorization, context);
    const casework: Contender = { service, projectors, authorization, targets, names: { figure: 'http.command', suffix: topology.suffix } };
    const contenders = peer ? [casework, peer] : [casework];
    if (peer) context.log(`${ROUNDS} rounds of each, alternating with the peer`);
    const rounds = new Map<Contender, CommandRound[]>(contenders.map((contender) => [contender, []]));
    for (const contender of contenders) await warmUp(contender, context);
    for (let index = 0; index < (peer ? ROUNDS : 1); index++) {
      for (const contender of contenders) {
        await quietened(contenders.flatMap((side) => [side.service, ...(side.projectors ? [side.projectors] : [])]));
        rounds.get(contender)!.push(await measureRound(contender, context));
      }
    }
    for (const contender of contenders) reportMedians(contender, rounds.get(contender)!, context);
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

function commandMix({ service, authorization, targets }: Contender): autocannon.Options {
  // After every target referral was received (a contact before receipt is refused) and never in the future while measured.
  const contactAt = new Date();
  let created = 0;
  const create: autocannon.Request = { method: 'POST', path: '/api/referrals', setupRequest: (request) => ({ ...request, body: receiveReferralBody(created++) }) };
  const change: autocannon.Request = {
    method: 'POST',
    body: recordContactBody(contactAt),
    setupRequest: (request) => ({ ...request, path: `/api/referrals/${targets[Math.floor(Math.random() * targets.length)]}/contacts` }),
  };
  return {
    url: service.url,
    connections: CONNECTIONS,
    headers: { authorization, 'content-type': 'application/json' },
    requests: [create, ...Array.from({ length: CHANGES_PER_CREATE }, () => change)],
  };
}

async function warmUp(contender: Contender, context: SuiteContext): Promise<void> {
  await autocannon({ ...commandMix(contender), duration: Math.max(1, context.timing.warmupMs / 1000) });
}

/** A process using less than this share of a core is taken as done with the last round's work. */
const QUIET_SHARE = 0.05;
const QUIET_WINDOW_MS = 250;
const QUIET_WAIT_MS = 10_000;

/**
 * Waits (at most QUIET_WAIT_MS) until no process of either side is still busy with the last round: Casework's
 * projectors catching up on the commands of its round would otherwise take the peer's round's CPU.
 */
async function quietened(processes: readonly MeasuredProcess[]): Promise<void> {
  const deadline = Date.now() + QUIET_WAIT_MS;
  while (Date.now() < deadline) {
    const before = await Promise.all(processes.map((process) => process.cpuSeconds()));
    await new Promise((resolve) => setTimeout(resolve, QUIET_WINDOW_MS));
    const after = await Promise.all(processes.map((process) => process.cpuSeconds()));
    if (after.every((seconds, index) => seconds - before[index]! < (QUIET_SHARE * QUIET_WINDOW_MS) / 1000)) return;
  }
}

async function measureRound(contender: Contender, context: SuiteContext): Promise<CommandRound> {
  const { service, projectors } = contender;
  const cpuBefore = await Promise.all([service.cpuSeconds(), projectors?.cpuSeconds()]);
  const result = await autocannon({ ...commandMix(contender), duration: context.timing.durationMs / 1000 });
  const cpuAfter = await Promise.all([service.cpuSeconds(), projectors?.cpuSeconds()]);
  const failed = result.non2xx + result.errors + result.timeouts;
  context.log(`${contender.names.figure}: ${result['2xx']} commands answered 2xx, ${failed} did not (${JSON.stringify(result.statusCodeStats)}), in ${result.duration} s`);
  if (result['2xx'] === 0 || failed > result['2xx'] * 0.01) throw new Error(`No command or more than 1% of them answered 2xx; the figure would not mean anything`);
  // Late answers to requests sent in the window are counted in it too: a small overstatement per command.
  const cpuMsPerCommand = (index: number) => ((cpuAfter[index]! - cpuBefore[index]!) * 1000) / result['2xx'];
  const measured: CommandRound = { commandsPerSecond: result['2xx'] / result.duration, p99: result.latency.p99, cpuMs: cpuMsPerCommand(0), ...(projectors ? { projectorsCpuMs: cpuMsPerCommand(1) } : {}) };
  context.log(`  ${round(measured.commandsPerSecond, 1)} commands/s, p99 ${measured.p99} ms, ${round(measured.cpuMs, 2)} ms of CPU per command${projectors ? ` and ${round(measured.projectorsCpuMs!, 2)} ms of its projectors'` : ''}`);
  return measured;
}

function reportMedians({ names, projectors }: Contender, rounds: readonly CommandRound[], context: SuiteContext): void {
  const median = (of: (round: CommandRound) => number) => {
    const sorted = rounds.map(of).sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]!;
  };
  context.report({ name: `${names.figure}.c200${names.suffix}`, value: round(median((r) => r.commandsPerSecond), 1), unit: 'commands/s' });
  context.report({ name: `${names.figure}.p99${names.suffix}`, value: median((r) => r.p99), unit: 'ms' });
  context.report({ name: `${names.figure}.cpu${names.suffix}`, value: round(median((r) => r.cpuMs), 2), unit: 'ms/command' });
  if (!projectors) return;
  context.report({ name: 'projectors.cpu.commands', value: round(median((r) => r.projectorsCpuMs!), 2), unit: 'ms/command' });
  // What a command costs the deployment in all: the API's work and the projectors' work it causes.
  context.report({ name: `${names.figure}.cpu.with-projectors`, value: round(median((r) => r.cpuMs + r.projectorsCpuMs!), 2), unit: 'ms/command' });
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
