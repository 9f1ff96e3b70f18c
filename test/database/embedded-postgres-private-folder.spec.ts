import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { chmod, copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureReachable, postgresSystemUser } from '../../src/database/postgres-system-user.ts';

/**
 * Issue 16 item 17: as root, with DATA_DIR or the checkout under a 0700 folder (root's home), the start
 * stops in one line saying what to do, not with `spawn … initdb EACCES`. Only root runs the server as another user.
 */
const asRoot = process.getuid?.() === 0;
const describeAsRoot = asRoot ? describe : describe.skip;
const MAIN = join(process.cwd(), 'dist/src/main.js');

describeAsRoot('a start as root from a private folder (runs only as root: elsewhere the server runs as the user who starts it)', () => {
  const privateFolder = async () => {
    const folder = await mkdtemp(join(tmpdir(), 'casework-private-'));
    await chmod(folder, 0o700);
    return folder;
  };

  it('stops in one line naming the folder the postgres system user cannot enter when DATA_DIR is under it', async () => {
    const folder = await privateFolder();
    try {
      const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: join(folder, 'data'), PORT: '0', HOST: '127.0.0.1' };
      delete env.DATABASE_URL;
      const { code, stderr } = await run(MAIN, env);
      expect(code).toBe(1);
      expect(stderr).toEqual([`As root the embedded PostgreSQL runs as the postgres system user, who cannot enter ${folder}: move DATA_DIR where that user can reach (for example under /srv), or set DATABASE_URL`]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('names the checkout when the PostgreSQL binaries are under the private folder', async () => {
    const folder = await privateFolder();
    try {
      await mkdir(join(folder, 'bin'));
      await copyFile('/bin/true', join(folder, 'bin', 'postgres'));
      await chmod(join(folder, 'bin', 'postgres'), 0o755);
      await expect(ensureReachable(await postgresSystemUser(), tmpdir(), join(folder, 'bin', 'postgres'))).rejects.toThrow(
        `who cannot enter ${folder}: move the checkout where that user can reach`,
      );
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('lets a start through when both are reachable', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'casework-shared-'));
    try {
      await chmod(folder, 0o711);
      await expect(ensureReachable(await postgresSystemUser(), folder, '/bin/true')).resolves.toBeUndefined();
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

async function run(main: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string[] }> {
  const child = spawn(process.execPath, [main], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, stderr: stderr.trim().split('\n') };
}
