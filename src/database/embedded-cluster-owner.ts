import { existsSync } from 'node:fs';
import { readFile, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { commandLine, identify, isAlive, isRunning, type ProcessIdentity } from './process-identity.ts';

/** Names the Casework process that started the embedded server, so the next start can tell whether it is gone. */
const OWNER_FILE = 'postgres-owner';
/** A fast shutdown rolls back open transactions and writes a checkpoint: seconds, even after heavy writing. */
const ORPHAN_STOP_LIMIT_MS = 120_000;

/** Another live Casework process runs this DATA_DIR's server. */
export class ClusterInUse extends Error {
  override readonly name = 'ClusterInUse';
}

/**
 * Makes the cluster ours to start, and records us as its owner. A lock whose process is gone (a crash of the
 * machine) or is some other process (its pid reused after a reboot) is removed; a server left running by an
 * owner that is gone (`kill -9`, the OOM killer) is stopped cleanly; a server whose owner still runs is refused.
 */
export async function takeOwnership(dataDir: string, clusterDir: string, log?: (line: string) => void): Promise<void> {
  const lockFile = join(clusterDir, 'postmaster.pid');
  const server = await clusterServerPid(clusterDir);
  if (server !== undefined) {
    const owner = await readOwner(dataDir);
    if (owner && (await isRunning(owner))) {
      throw new ClusterInUse(`The embedded PostgreSQL in ${clusterDir} is already running (pid ${server}) for Casework pid ${owner.pid}: is another Casework using this DATA_DIR?`);
    }
    log?.(`Stopping the embedded PostgreSQL (pid ${server}) left running in ${clusterDir} by a Casework process that is gone`);
    await stopOrphan(server, lockFile);
  } else if (existsSync(lockFile)) {
    await unlink(lockFile);
    log?.(`Removed a stale PostgreSQL lock in ${clusterDir}`);
  }
  await writeFile(join(dataDir, OWNER_FILE), `${JSON.stringify(await identify(process.pid))}\n`);
}

/** The pid of this cluster's running server per its lock file, if that process is one (not a reused pid). */
export async function clusterServerPid(clusterDir: string): Promise<number | undefined> {
  const lock = await readFile(join(clusterDir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  const pid = Number.parseInt(lock?.split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
  const args = await commandLine(pid);
  if (args === undefined) return pid;
  return args[args.indexOf('-D') + 1] === resolve(clusterDir) ? pid : undefined;
}

async function readOwner(dataDir: string): Promise<ProcessIdentity | undefined> {
  const text = await readFile(join(dataDir, OWNER_FILE), 'utf8').catch(() => undefined);
  try {
    return text === undefined ? undefined : (JSON.parse(text) as ProcessIdentity);
  } catch {
    // Cut short by a crash while it was written: no owner can be running.
    return undefined;
  }
}

/** SIGINT is PostgreSQL's fast shutdown: clean, like the owner's own stop. */
async function stopOrphan(pid: number, lockFile: string): Promise<void> {
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < ORPHAN_STOP_LIMIT_MS; waited += 100) {
    if (!isAlive(pid)) return unlink(lockFile).catch(() => undefined);
    await sleep(100);
  }
  throw new Error(`The embedded PostgreSQL (pid ${pid}) left running in ${lockFile} did not stop within ${ORPHAN_STOP_LIMIT_MS / 1000} s`);
}
