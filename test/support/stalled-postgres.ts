import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Stops every process of the embedded PostgreSQL in `dataDir` (SIGSTOP): as its clients see it, a network partition
 * or a frozen host, where nothing answers and nothing refuses. Resolves with what starts them again.
 */
export async function stallPostgres(dataDir: string): Promise<() => void> {
  const processes = await postgresProcesses(dataDir);
  for (const pid of processes) process.kill(pid, 'SIGSTOP');
  return () => {
    for (const pid of processes) process.kill(pid, 'SIGCONT');
  };
}

/** The embedded server's postmaster (from its lock file) and every process it started. */
async function postgresProcesses(dataDir: string): Promise<number[]> {
  const postmaster = Number((await readFile(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0]);
  const children: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // The field after the parenthesised command name and the state is the parent's pid.
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (parent === postmaster) children.push(Number(entry));
  }
  return [postmaster, ...children];
}
