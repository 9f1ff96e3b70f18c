import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { decryptValue, encryptValue, subjectOf, unwrapKey, wrapKey } from './field-cipher.ts';

describe('personal-data field encryption', () => {
  const key = randomBytes(32);

  it('round-trips any JSON value and names its subject, never its content', () => {
    for (const value of ['Ann Example', { line1: '1 High St' }, 42, ['a', 'b']]) {
      const sealed = encryptValue(value, 'subject-1', key);
      expect(subjectOf(sealed)).toBe('subject-1');
      expect(sealed).not.toContain('Ann');
      expect(decryptValue(sealed, key)).toEqual(value);
    }
  });

  it('encrypts the same value differently each time', () => {
    expect(encryptValue('Ann', 's', key)).not.toBe(encryptValue('Ann', 's', key));
  });

  it('refuses another key, and a value moved to another subject', () => {
    const sealed = encryptValue('Ann', 'subject-1', key);
    expect(() => decryptValue(sealed, randomBytes(32))).toThrow();
    expect(() => decryptValue(sealed.replace('subject-1', 'subject-2'), key)).toThrow();
  });

  it('leaves values in clear alone', () => {
    expect(subjectOf('police')).toBeUndefined();
    expect(subjectOf(7)).toBeUndefined();
  });

  it('wraps a subject key under the master key', () => {
    const master = randomBytes(32);
    expect(unwrapKey(wrapKey(key, master), master).equals(key)).toBe(true);
    expect(() => unwrapKey(wrapKey(key, master), randomBytes(32))).toThrow();
  });
});
