import { describe, expect, it } from '@jest/globals';
import type { JWTPayload } from 'jose';
import { InvalidToken, userFromClaims, type TokenPolicy } from './token-claims.ts';

const NOW = 1_800_000_000;
const POLICY: TokenPolicy = { maxAgeSeconds: 8 * 3600, clockSkewSeconds: 60 };
const valid: JWTPayload = { sub: 'alice', name: 'Alice', roles: ['case_manager'], iat: NOW - 60, exp: NOW + 3600 };

function reasonFor(payload: JWTPayload): string | undefined {
  try {
    userFromClaims(payload, NOW, POLICY);
    return undefined;
  } catch (error) {
    if (error instanceof InvalidToken) return error.reason;
    throw error;
  }
}

describe('userFromClaims', () => {
  it('names the user, their name and their roles', () => {
    expect(userFromClaims(valid, NOW, POLICY)).toEqual({ sub: 'alice', name: 'Alice', roles: ['case_manager'], teams: [] });
    expect(userFromClaims({ ...valid, name: 42, roles: ['auditor', 'auditor'] }, NOW, POLICY)).toEqual({ sub: 'alice', name: undefined, roles: ['auditor'], teams: [] });
  });

  it('keeps the teams the token names, once each', () => {
    expect(userFromClaims({ ...valid, teams: ['vcc-north', 'psd', 'psd'] }, NOW, POLICY).teams).toEqual(['vcc-north', 'psd']);
  });

  it.each([
    ['a string', 'psd'],
    ['holding a non-string', ['psd', 7]],
    ['holding a space', ['p s d']],
    ['holding an empty id', ['']],
  ])('refuses teams that are %s', (_, teams) => {
    expect(reasonFor({ ...valid, teams })).toBe('invalid-claims');
  });

  it.each([
    ['a number', 42],
    ['an object', { id: 'alice' }],
    ['an array', ['alice']],
    ['a boolean', true],
    ['empty', ''],
    ['blank', '   '],
    ['longer than 200 characters', 'a'.repeat(201)],
    ['holding a line break', 'alice\nadmin'],
    ['holding a NUL', 'alice\u0000'],
  ])('refuses a sub that is %s', (_, sub) => {
    expect(reasonFor({ ...valid, sub: sub as string })).toBe('invalid-claims');
  });

  it.each([
    ['missing', undefined],
    ['a string', 'case_manager'],
    ['empty', []],
    ['holding an unknown role', ['case_manager', 'wizard']],
    ['holding a non-string', ['case_manager', 7]],
  ])('refuses roles that are %s', (_, roles) => {
    expect(reasonFor({ ...valid, roles })).toBe('invalid-claims');
  });

  it('refuses a token without an issue time or an expiry', () => {
    expect(reasonFor({ ...valid, iat: undefined })).toBe('invalid-claims');
    expect(reasonFor({ ...valid, exp: undefined })).toBe('invalid-claims');
  });

  it('allows the clock skew for an issue time ahead of ours, and no more', () => {
    expect(reasonFor({ ...valid, iat: NOW + POLICY.clockSkewSeconds })).toBeUndefined();
    expect(reasonFor({ ...valid, iat: NOW + POLICY.clockSkewSeconds + 1 })).toBe('issued-in-future');
  });

  it('refuses a token that lives longer than the maximum age', () => {
    expect(reasonFor({ ...valid, iat: NOW, exp: NOW + POLICY.maxAgeSeconds })).toBeUndefined();
    expect(reasonFor({ ...valid, iat: NOW, exp: NOW + POLICY.maxAgeSeconds + 1 })).toBe('too-long-lived');
    expect(reasonFor({ ...valid, iat: NOW, exp: NOW + 100 * 365 * 86_400 })).toBe('too-long-lived');
  });

  it('refuses a token issued longer ago than the maximum age', () => {
    expect(reasonFor({ ...valid, iat: NOW - POLICY.maxAgeSeconds, exp: NOW + 1 })).toBe('too-long-lived');
    expect(reasonFor({ ...valid, iat: NOW - POLICY.maxAgeSeconds - 1, exp: NOW - POLICY.maxAgeSeconds + 60 })).toBe('too-old');
  });
});
