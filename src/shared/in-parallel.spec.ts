import { describe, expect, it } from '@jest/globals';
import { inParallel } from './in-parallel.ts';

describe('work in parallel', () => {
  it('answers in the items\' order, never more than the concurrency at once', async () => {
    let running = 0;
    let most = 0;
    const results = await inParallel([30, 5, 20, 1, 10], 2, async (ms) => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, ms));
      running--;
      return ms * 2;
    });
    expect(results).toEqual([60, 10, 40, 2, 20]);
    expect(most).toBe(2);
  });

  it('rejects with the first failure', async () => {
    await expect(inParallel([1, 2], 2, async (item) => (item === 2 ? Promise.reject(new Error('two')) : item))).rejects.toThrow('two');
  });
});
