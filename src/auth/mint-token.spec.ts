import { describe, expect, it } from '@jest/globals';
import { LifetimeRefused, tokenLifetime } from './mint-token.ts';

const EIGHT_HOURS = 8 * 3600;

describe('tokenLifetime (npm run token -- --expires)', () => {
  it('reads a duration up to the maximum token age', () => {
    expect(tokenLifetime('8h', EIGHT_HOURS)).toBe(EIGHT_HOURS);
    expect(tokenLifetime('90m', EIGHT_HOURS)).toBe(90 * 60);
  });

  it('refuses a lifetime beyond the maximum in one line naming it', () => {
    expect(() => tokenLifetime('100y', EIGHT_HOURS)).toThrow(LifetimeRefused);
    expect(() => tokenLifetime('9h', EIGHT_HOURS)).toThrow(/^--expires 9h is longer than the service accepts: tokens may live at most AUTH_MAX_TOKEN_AGE \(8h\)$/);
  });

  it('refuses what is not a duration', () => {
    expect(() => tokenLifetime('soon', EIGHT_HOURS)).toThrow(/^--expires soon is not a duration/);
    expect(() => tokenLifetime('0s', EIGHT_HOURS)).toThrow(LifetimeRefused);
  });
});
