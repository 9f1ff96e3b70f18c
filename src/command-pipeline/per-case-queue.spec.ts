import { describe, expect, it } from '@jest/globals';
import { PerCaseQueue } from './per-case-queue.ts';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

class DatabaseAway extends Error {}
const isDatabaseAway = (error: unknown) => error instanceof DatabaseAway;

/** Tasks that note when they start and settle a moment later, failing with `error` if given. */
function taskRecorder() {
  const started: string[] = [];
  const task = (name: string, error?: Error) => async () => {
    started.push(name);
    await tick();
    if (error) throw error;
    return name;
  };
  return { started, task };
}

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

  it('fails the tasks queued behind one that found the database away with its error, without running them', async () => {
    const queue = new PerCaseQueue(isDatabaseAway);
    const away = new DatabaseAway();
    const { started, task } = taskRecorder();

    const queued = [queue.run('a', task('1', away)), queue.run('a', task('2')), queue.run('a', task('3'))];
    const otherCase = queue.run('b', task('b'));
    const results = await Promise.allSettled(queued);

    expect(started).toEqual(['1', 'b']);
    expect(results).toEqual(queued.map(() => ({ status: 'rejected', reason: away })));
    await expect(otherCase).resolves.toBe('b');
    await expect(queue.run('a', task('4'))).resolves.toBe('4');
  });

  it('runs the tasks queued behind one that failed in any other way', async () => {
    const queue = new PerCaseQueue(isDatabaseAway);
    const { started, task } = taskRecorder();

    const results = await Promise.allSettled([queue.run('a', task('1', new Error('a rule broken'))), queue.run('a', task('2'))]);

    expect(started).toEqual(['1', '2']);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'fulfilled']);
  });
});
