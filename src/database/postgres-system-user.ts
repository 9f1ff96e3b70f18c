import { execFile } from 'node:child_process';
import { dirname, parse, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface SystemUser {
  uid: number;
  gid: number;
}

/** A start as root whose server could not reach its cluster or binaries as the `postgres` system user. */
export class ClusterUnreachable extends Error {
  override readonly name = 'ClusterUnreachable';
}

/** The `postgres` system user PostgreSQL runs as when we are root (it refuses to run as root), created if missing. */
export async function postgresSystemUser(): Promise<SystemUser> {
  const ids = async () => ({
    uid: Number((await run('id', ['-u', 'postgres'])).stdout),
    gid: Number((await run('id', ['-g', 'postgres'])).stdout),
  });
  try {
    return await ids();
  } catch {
    await run('groupadd', ['postgres']);
    await run('useradd', ['-g', 'postgres', 'postgres']);
    return ids();
  }
}

/**
 * Stops in one line, before initdb or the server would die with a bare EACCES, when `user` cannot enter a
 * folder on the way to DATA_DIR or to the PostgreSQL binaries: a checkout or DATA_DIR under a 0700 folder
 * (root's home). We do not widen that folder's rights ourselves: whether to share a private folder is its
 * owner's call. The check runs as that user with no supplementary groups, as the server will be spawned.
 */
export async function ensureReachable(user: SystemUser, dataDir: string, binary: string): Promise<void> {
  const blocked = [
    { what: 'DATA_DIR', folder: await firstBlocked(user, [...pathFromRoot(dataDir)]) },
    { what: 'the checkout', folder: await firstBlocked(user, [...pathFromRoot(dirname(binary)), resolve(binary)]) },
  ].filter((target) => target.folder !== undefined);
  if (blocked.length === 0) return;
  throw new ClusterUnreachable(
    `As root the embedded PostgreSQL runs as the postgres system user, who cannot enter ${[...new Set(blocked.map((target) => target.folder))].join(' or ')}: ` +
      `move ${blocked.map((target) => target.what).join(' and ')} where that user can reach (for example under /srv), or set DATABASE_URL`,
  );
}

async function firstBlocked(user: SystemUser, paths: string[]): Promise<string | undefined> {
  const script = 'for path; do [ -x "$path" ] || { echo "$path"; exit 0; }; done';
  const { stdout } = await run('sh', ['-c', script, 'sh', ...paths], user);
  return stdout.trim() || undefined;
}

/** Every folder from the root down to `path`, `path` included. */
function pathFromRoot(path: string): string[] {
  const folders: string[] = [];
  for (let folder = resolve(path); folder !== parse(folder).root; folder = dirname(folder)) folders.unshift(folder);
  return folders;
}
