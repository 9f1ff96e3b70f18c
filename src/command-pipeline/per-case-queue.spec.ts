import { describe, expect, it } from '@jest/globals';
import { PerCaseQueue } from './per-case-queue.ts';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('PerCaseQueue', () => {
  it('runs the tasks of one case one at a time, in the order they came, even after one fails', async () => {
    const queue = new PerCaseQueue();
    const log: string[] = [];
    const task = (name: string, fails = false) => async () => {
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
      if (fails) throw new Error(name);
      return name;
    };

    const results = await Promise.allSettled([queue.run('a', task('1')), queue.run('a', task('2', true)), queue.run('a', task('3'))]);

    expect(log).toEqual(['start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('runs tasks of different cases side by side and forgets a case once its tasks are done', async () => {
    const queue = new PerCaseQueue();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
    };

    await Promise.all([queue.run('a', task('a')), queue.run('b', task('b'))]);
    await tick();

    expect(log).toEqual(['start a', 'start b', 'end a', 'end b']);
    expect(queue.busyCases).toBe(0);
  });
});
