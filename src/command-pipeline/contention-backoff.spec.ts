import { describe, expect, it } from '@jest/globals';
import { contentionDelayMs } from './contention-backoff.ts';

describe('contentionDelayMs', () => {
  it('draws a random wait under a ceiling that doubles with each attempt up to a limit', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7, 8].map((attempt) => contentionDelayMs(attempt, () => 0.999999) + 1);
    for (let index = 1; index < ceilings.length; index++) expect(ceilings[index]).toBeGreaterThanOrEqual(ceilings[index - 1]!);
    expect(ceilings[1]).toBe(2 * ceilings[0]!);
    expect(ceilings.at(-1)).toBe(ceilings.at(-2));
  });

  it('spreads the waits of writers that collided at the same attempt', () => {
    expect(contentionDelayMs(3, () => 0)).toBe(0);
    expect(contentionDelayMs(3, () => 0.5)).toBe((contentionDelayMs(3, () => 0.999999) + 1) / 2);
  });
});
