import { InterruptibleSleep } from './interruptible-sleep.ts';

const PERIOD_MS = 200;

describe('InterruptibleSleep.untilTick', () => {
  it('wakes every sleeper of a tick in one callback, before a nextTick queued by the first to wake', async () => {
    const woken: string[] = [];
    const first = new InterruptibleSleep().untilTick(PERIOD_MS).then(() => {
      woken.push('first');
      process.nextTick(() => woken.push('nextTick'));
    });
    const second = new InterruptibleSleep().untilTick(PERIOD_MS).then(() => woken.push('second'));
    await Promise.all([first, second]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(woken).toEqual(['first', 'second', 'nextTick']);
  });

  it('wakes on the clock: at the next multiple of the period', async () => {
    const next = (Math.floor(Date.now() / PERIOD_MS) + 1) * PERIOD_MS;
    await new InterruptibleSleep().untilTick(PERIOD_MS);
    // A ms of slack: timers keep the monotonic clock, Date.now() the wall clock.
    expect(Date.now()).toBeGreaterThanOrEqual(next - 1);
  });

  it('ends one sleeper early when interrupted and leaves the others to the tick', async () => {
    const interrupted = new InterruptibleSleep();
    const started = Date.now();
    const otherSleep = new InterruptibleSleep();
    let otherWoke = false;
    const other = otherSleep.untilTick(10_000).then(() => (otherWoke = true));
    const early = interrupted.untilTick(10_000);
    interrupted.interrupt();
    await early;
    expect(Date.now() - started).toBeLessThan(1000);
    await new Promise((resolve) => setImmediate(resolve));
    expect(otherWoke).toBe(false);
    // Ended too, so that no timer holds the test open for up to ten seconds.
    otherSleep.interrupt();
    await other;
    expect(otherWoke).toBe(true);
  });
});
