import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintToken } from '../../src/auth/mint-token.ts';

/**
 * The built service as a user runs it (`npm start` runs dist/src/main.js): embedded PostgreSQL under
 * DATA_DIR, clean shutdown on SIGTERM, data kept across restarts, recovery from a crash's stale lock.
 * `npm test` compiles everything into dist/ before Jest starts.
 */
const MAIN = join(process.cwd(), 'dist/src/main.js');

interface RunningService {
  process: ChildProcess;
  url: string;
  exited: Promise<number | null>;
  /** Everything it wrote so far, standard output and error. */
  output(): string;
}

function serviceEnv(dataDir: string, port = 0): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' };
  delete env.DATABASE_URL;
  delete env.AUTH_JWT_SECRET;
  return env;
}

/** A start that is refused: its exit code and what it wrote to standard error. */
async function refusedStart(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string[] }> {
  const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, stderr: stderr.trim().split('\n') };
}

async function startService(dataDir: string): Promise<RunningService> {
  const env = serviceEnv(dataDir);
  const child = spawn(process.execPath, [MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`service did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Listening on (http:\/\/[^\s]+)\/api/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    void exited.then((code) => reject(new Error(`service exited with ${code}:\n${output}`)));
  });
  return { process: child, url, exited, output: () => output };
}

describe('the service process on its embedded PostgreSQL', () => {
  let dataDir: string;
  let token: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'casework-service-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  const authorise = async () => {
    token = await mintToken((await readFile(join(dataDir, 'auth-jwt-secret'), 'utf8')).trim(), { sub: 'alice', roles: ['case_manager'] });
  };
  const createReferral = (service: RunningService) =>
    fetch(`${service.url}/api/referrals`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ source: 'self', crimeType: 'theft', victim: { name: 'Ann Example' }, consent: { contact: true, dataSharing: false, basis: 'explicit' } }),
    });
  // Read-your-writes across restarts: the read model may still be catching up when the service answers.
  let written = '0';
  const readReferral = (service: RunningService, location: string) =>
    fetch(`${service.url}${location}`, { headers: { authorization: `Bearer ${token}`, 'x-min-position': written } });

  it('keeps its events across a clean SIGTERM restart and a crash that leaves a stale lock', async () => {
    const first = await startService(dataDir);
    await authorise();
    const created = await createReferral(first);
    expect(created.status).toBe(201);
    const location = created.headers.get('location')!;
    written = ((await created.json()) as { position: string }).position;

    first.process.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

    const second = await startService(dataDir);
    expect((await readReferral(second, location)).status).toBe(200);
    const docs = await fetch(`${second.url}/api/docs`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');
    // The docs UI's scripts and stylesheets are files of its own, which this policy allows (and only they).
    expect(docs.headers.get('content-security-policy')).toContain("script-src 'self';");

    // A crash of the whole machine: the service and its PostgreSQL die at once, leaving postmaster.pid behind.
    const postgresPid = Number((await readFile(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0]);
    second.process.kill('SIGKILL');
    process.kill(postgresPid, 'SIGKILL');
    await second.exited;
    await waitUntilDead(postgresPid);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(true);

    const third = await startService(dataDir);
    const read = await readReferral(third, location);
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ victim: { name: 'Ann Example' } });
    third.process.kill('SIGINT');
    expect(await third.exited).toBe(0);
  }, 120_000);

  it('comes back with every acknowledged event after the service alone was killed, stopping the PostgreSQL it left running', async () => {
    const first = await startService(dataDir);
    await authorise();
    const acknowledged: string[] = [];
    for (let index = 0; index < 3; index++) {
      const created = await createReferral(first);
      expect(created.status).toBe(201);
      acknowledged.push(created.headers.get('location')!);
      written = ((await created.json()) as { position: string }).position;
    }
    const orphan = Number((await readFile(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0]);

    // The OOM killer or a container stop without grace: PostgreSQL, a process of its own, keeps running.
    first.process.kill('SIGKILL');
    await first.exited;
    process.kill(orphan, 0);

    const second = await startService(dataDir);
    await waitUntilDead(orphan);
    expect(second.output()).toContain(`Stopping the embedded PostgreSQL (pid ${orphan}) left running`);
    for (const location of acknowledged) expect((await readReferral(second, location)).status).toBe(200);

    const refused = await refusedStart(serviceEnv(dataDir));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toEqual([expect.stringMatching(/already running .* for Casework pid \d+: is another Casework using this DATA_DIR\?$/)]);
    expect((await readReferral(second, acknowledged[0]!)).status).toBe(200);

    second.process.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 120_000);

  it('stops with one line naming PORT when the port is taken, and stops its PostgreSQL', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const port = (taken.address() as AddressInfo).port;
      const refused = await refusedStart(serviceEnv(dataDir, port));
      expect(refused.code).toBe(1);
      expect(refused.stderr).toEqual([`PORT ${port} is already in use on 127.0.0.1: stop what listens there or set another PORT`]);
      expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    } finally {
      taken.close();
    }
  });

  it('stops with one line naming a bad variable', async () => {
    const child = spawn(process.execPath, [MAIN], { env: { ...process.env, PORT: 'eighty' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Invalid configuration: PORT /)]);
  });
});

async function waitUntilDead(pid: number): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`process ${pid} is still alive`);
}
