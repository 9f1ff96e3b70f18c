import { describe, expect, it } from '@jest/globals';
import { ProgressSignal } from './progress-signal.ts';

describe('progress signal', () => {
  it('wakes every waiter at once when notified, and says when a wait ran out instead', async () => {
    const signal = new ProgressSignal();
    const waits = [signal.next(10_000), signal.next(10_000)];
    signal.notify();
    expect(await Promise.all(waits)).toEqual([true, true]);
    expect(await signal.next(5)).toBe(false);
    // A waiter woken or timed out is not woken again.
    signal.notify();
  });
});
