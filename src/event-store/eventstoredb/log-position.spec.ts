import { describe, expect, it } from '@jest/globals';
import { toClientPosition, toStorePosition, UnsupportedLogPosition } from './log-position.ts';

const MAX_SIGNED_64 = 2n ** 63n - 1n;

describe('log position', () => {
  it('round-trips through the client position', () => {
    for (const position of [0n, 1n, 4_096n, 123_456_789_012n, MAX_SIGNED_64]) {
      expect(toClientPosition(position)).toEqual({ commit: position, prepare: position });
      expect(toStorePosition(toClientPosition(position), 'e')).toBe(position);
    }
  });

  it('keeps the events of one multi-event append distinct and in $all order', () => {
    // Three events appended together: each self-committed at its own log position.
    const appended = [
      { commit: 1_000n, prepare: 1_000n },
      { commit: 1_180n, prepare: 1_180n },
      { commit: 1_360n, prepare: 1_360n },
    ];
    const positions = appended.map((position, index) => toStorePosition(position, `e${index}`));
    expect(new Set(positions).size).toBe(3);
    expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions);
  });

  it('refuses positions that are not one event at one log position', () => {
    expect(() => toStorePosition({ commit: 2_000n, prepare: 1_000n }, 'legacy')).toThrow(UnsupportedLogPosition);
    expect(() => toStorePosition({ commit: -1n, prepare: -1n }, 'negative')).toThrow(UnsupportedLogPosition);
  });

  it('says so when the server sent no position', () => {
    expect(() => toStorePosition(undefined, 'old-server')).toThrow(/without a log position/);
    expect(() => toStorePosition({ commit: 2n ** 64n - 1n, prepare: 2n ** 64n - 1n }, 'old-server')).toThrow(/without a log position/);
  });
});
