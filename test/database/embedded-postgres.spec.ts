import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type RunningPostgres } from '../../src/database/embedded-postgres.ts';

/** The embedded server's first start and its lock, on a cluster of the test's own. */
describe('the embedded PostgreSQL', () => {
  let dataDir: string;
  let server: RunningPostgres | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'casework-embedded-'));
  });
  afterAll(async () => {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('creates its cluster without writing the password outside DATA_DIR, where it is readable by its owner only', async () => {
    // The embedded-postgres package's initialise() hands initdb the password in a pg-password-* file here, world-readable.
    const passwordFiles: string[] = [];
    const watcher = watch(tmpdir(), (_event, name) => String(name).startsWith('pg-password-') && passwordFiles.push(String(name)));
    try {
      server = await startEmbeddedPostgres({ dataDir, database: 'casework', durable: false });
    } finally {
      watcher.close();
    }
    expect(passwordFiles).toEqual([]);
    expect((await stat(join(dataDir, 'postgres-password'))).mode & 0o777).toBe(0o600);
    await query(server.url, 'CREATE TABLE kept (note text); INSERT INTO kept VALUES ($$before$$)');
  });

  it('takes a lock naming a live process that is not its server (a pid reused after a reboot) for a stale one', async () => {
    await server!.stop();
    server = undefined;
    const unrelated = spawn('sleep', ['60'], { stdio: 'ignore' });
    try {
      const lock = join(dataDir, 'postgres', 'postmaster.pid');
      await writeFile(lock, `${unrelated.pid}\n${join(dataDir, 'postgres')}\n1764800000\n5432\n\n127.0.0.1\n  1234 5678\nready\n`);
      server = await startEmbeddedPostgres({ dataDir, database: 'casework', durable: false });
      expect(Number((await readFile(lock, 'utf8')).split('\n')[0])).not.toBe(unrelated.pid);
      expect(await query(server.url, 'SELECT note FROM kept')).toEqual([{ note: 'before' }]);
    } finally {
      unrelated.kill();
    }
  });

  it('refuses to start a second server on a cluster whose owner still runs', async () => {
    await expect(startEmbeddedPostgres({ dataDir, database: 'casework', durable: false })).rejects.toThrow(/already running .*is another Casework using this DATA_DIR\?/);
  });

  it('starts its server again, with its data, when the server is killed under it', async () => {
    await server!.stop();
    const told: string[] = [];
    server = await startEmbeddedPostgres({ dataDir, database: 'casework', durable: false, onRecovery: (line) => told.push(line) });
    const lock = join(dataDir, 'postgres', 'postmaster.pid');
    const killed = Number((await readFile(lock, 'utf8')).split('\n')[0]);
    process.kill(killed, 'SIGKILL');
    expect(await eventually(() => query(server!.url, 'SELECT note FROM kept'))).toEqual([{ note: 'before' }]);
    expect(Number((await readFile(lock, 'utf8')).split('\n')[0])).not.toBe(killed);
    expect(told.join('\n')).toMatch(new RegExp(`\\(pid ${killed}\\) stopped without being asked to`));
  });
});

/** The server is back when a query answers; until then each attempt fails fast (connection refused). */
async function eventually<T>(attempt: () => Promise<T>, limitMs = 60_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

async function query(url: string, text: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(text);
    return Array.isArray(result) ? [] : result.rows;
  } finally {
    await client.end();
  }
}
