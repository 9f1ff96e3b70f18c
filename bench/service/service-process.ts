import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVICE_NODE_FLAGS } from '../../src/node-flags.ts';
import { cpuSecondsOf, processTree } from './process-cpu.ts';

/** The built service (`dist/src/main.js`) and projectors, which `npm run bench` compiles first. */
const MAIN = fileURLToPath(new URL('../../src/main.js', import.meta.url));
const PROJECTORS = fileURLToPath(new URL('../../projections/runner/projections.cli.js', import.meta.url));
/** The bench's peer over HTTP (Emmett on Fastify), answering the same routes of the mix. */
export const EMMETT_PEER = fileURLToPath(new URL('../peer/emmett-service.js', import.meta.url));
/**
 * Long enough for the migrations of a kept store written by older code: the closure columns' backfill
 * (migration 1763800380000) took 97 s at the scale suite's million referrals.
 */
const READY_TIMEOUT_MS = 600_000;

/** What the bench reads off a measured process from /proc. */
export interface MeasuredProcess {
  /** The kernel's high-water mark of the process's resident set (VmHWM), in MB. */
  peakRssMb(): Promise<number>;
  /** CPU time the process (all its threads) has used so far, user and system, in seconds. */
  cpuSeconds(): Promise<number>;
  /** The process and the processes it started, still running. */
  pids(): Promise<number[]>;
  stop(): Promise<void>;
}

export interface ServiceProcess extends MeasuredProcess {
  url: string;
}

/**
 * The service as it runs in production: its own process on the suite's database, logging JSON lines at
 * its default level (to nowhere, as a container's log driver would take them off its hands), so the load
 * generator in this process never shares its event loop.
 */
export async function startServiceProcess(databaseUrl: string, jwtSecret: string, env: Record<string, string> = {}, script = MAIN): Promise<ServiceProcess> {
  const dataDir = await mkdtemp(join(tmpdir(), 'casework-bench-service-'));
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArguments(), script], {
    env: { ...process.env, DATABASE_URL: databaseUrl, AUTH_JWT_SECRET: jwtSecret, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilLive(url, child);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }
  return {
    url,
    peakRssMb: () => peakRssMbOf(child),
    cpuSeconds: () => cpuSecondsOf(child.pid!),
    pids: () => processTree(child.pid!),
    async stop() {
      await stopGracefully(child);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** `npm run projections` as a deployment runs it beside API replicas (docker/compose.yml's projector). */
export async function startProjectorProcess(databaseUrl: string, env: Record<string, string>): Promise<MeasuredProcess> {
  const child = spawn(process.execPath, [...nodeArguments(), PROJECTORS], { env: { ...process.env, DATABASE_URL: databaseUrl, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const running = new Promise<void>((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
      if (output.includes('Running')) resolve();
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.once('exit', (code) => reject(new Error(`The projectors exited with code ${code}\n${output}`)));
  });
  await running;
  return { peakRssMb: () => peakRssMbOf(child), cpuSeconds: () => cpuSecondsOf(child.pid!), pids: () => processTree(child.pid!), stop: () => stopGracefully(child) };
}

/**
 * The Node.js options the service runs with in production, for every measured process (the Emmett peer too, so
 * that both sides run on the same runtime settings); then SERVICE_NODE_ARGS (e.g. `--cpu-prof
 * --cpu-prof-dir=/tmp/profiles`), to see where their time goes.
 */
function nodeArguments(): string[] {
  return [...SERVICE_NODE_FLAGS, ...(process.env.SERVICE_NODE_ARGS?.split(' ').filter(Boolean) ?? [])];
}

async function peakRssMbOf(child: ChildProcess): Promise<number> {
  const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
  const kilobytes = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]);
  return Math.round(kilobytes / 1024);
}

async function waitUntilLive(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The service exited with code ${child.exitCode}`);
    const live = await fetch(`${url}/api/health/live`).then((response) => response.ok, () => false);
    if (live) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The service did not answer on ${url} within ${READY_TIMEOUT_MS / 1000} s`);
}

function stopGracefully(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
