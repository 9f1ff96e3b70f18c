import { readFile } from 'node:fs/promises';

/** A process as the kernel knows it: a pid is reused (after a reboot, in a new container), a pid with its start time is not. */
export interface ProcessIdentity {
  pid: number;
  /** Clock ticks from boot to the process's start (/proc/<pid>/stat); undefined where there is no /proc. */
  startedAt?: string;
}

export async function identify(pid: number): Promise<ProcessIdentity> {
  return { pid, startedAt: await startTicks(pid) };
}

/** Whether the process named is still running: the same pid, started at the same time where that is known. */
export async function isRunning(identity: ProcessIdentity): Promise<boolean> {
  if (!isAlive(identity.pid)) return false;
  if (identity.startedAt === undefined) return true;
  const now = await startTicks(identity.pid);
  return now === undefined || now === identity.startedAt;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The command line of a running process (/proc/<pid>/cmdline); undefined where there is no /proc. */
export async function commandLine(pid: number): Promise<string[] | undefined> {
  const raw = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined);
  return raw?.split('\0').filter((argument) => argument !== '');
}

async function startTicks(pid: number): Promise<string | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  // The command name (field 2) may hold spaces and parentheses: count fields after its closing one.
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
}
