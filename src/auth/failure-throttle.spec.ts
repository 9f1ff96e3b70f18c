import { describe, expect, it } from '@jest/globals';
import { FailureThrottle } from './failure-throttle.ts';

const POLICY = { limit: 3, windowMs: 60_000, blockMs: 300_000 };

function throttleAt(start: number) {
  let now = start;
  const throttle = new FailureThrottle(POLICY, () => now);
  return { throttle, advance: (ms: number) => void (now += ms) };
}

describe('FailureThrottle', () => {
  it('blocks an address for the block time once it fails the limit within one window', () => {
    const { throttle, advance } = throttleAt(1_000_000);
    expect(throttle.fail('10.0.0.1')).toBe(false);
    expect(throttle.fail('10.0.0.1')).toBe(false);
    expect(throttle.blockedFor('10.0.0.1')).toBe(0);
    expect(throttle.fail('10.0.0.1')).toBe(true);
    expect(throttle.blockedFor('10.0.0.1')).toBe(POLICY.blockMs);
    advance(POLICY.blockMs - 1);
    expect(throttle.blockedFor('10.0.0.1')).toBe(1);
    advance(1);
    expect(throttle.blockedFor('10.0.0.1')).toBe(0);
  });

  it('leaves other addresses alone', () => {
    const { throttle } = throttleAt(0);
    for (let i = 0; i < POLICY.limit; i++) throttle.fail('10.0.0.1');
    expect(throttle.blockedFor('10.0.0.1')).toBeGreaterThan(0);
    expect(throttle.blockedFor('10.0.0.2')).toBe(0);
  });

  it('forgets failures older than the window', () => {
    const { throttle, advance } = throttleAt(0);
    throttle.fail('10.0.0.1');
    throttle.fail('10.0.0.1');
    advance(POLICY.windowMs);
    expect(throttle.fail('10.0.0.1')).toBe(false);
    expect(throttle.fail('10.0.0.1')).toBe(false);
    expect(throttle.fail('10.0.0.1')).toBe(true);
  });

  it('counts afresh once a block has ended', () => {
    const { throttle, advance } = throttleAt(0);
    for (let i = 0; i < POLICY.limit; i++) throttle.fail('10.0.0.1');
    advance(POLICY.blockMs);
    expect(throttle.fail('10.0.0.1')).toBe(false);
    expect(throttle.blockedFor('10.0.0.1')).toBe(0);
  });
});
