import { readdir, readFile } from 'node:fs/promises';

/** Linux counts a process's CPU time in clock ticks of 1/100 s (USER_HZ) in /proc/<pid>/stat. */
const TICKS_A_SECOND = 100;

/** CPU time a process (all its threads) has used so far, user and system, in seconds; 0 once it has gone. */
export async function cpuSecondsOf(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (stat === undefined) return 0;
  // The fields after the parenthesised command name: utime and stime are the 12th and 13th of them.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_A_SECOND;
}

/** The process and every process it started, still running. */
export async function processTree(pid: number): Promise<number[]> {
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  const children = await Promise.all(tasks.map((task) => readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '')));
  const childPids = children.flatMap((text) => text.split(' ').filter(Boolean).map(Number));
  return [pid, ...(await Promise.all(childPids.map(processTree))).flat()];
}
