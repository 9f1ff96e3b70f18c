import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { LEGACY_SEALED } from '../../test/support/legacy-sealed-values.ts';
import type { JsonValue } from '../event-store/event-store.port.ts';
import { openValue, sealedSubjectOf, sealValue, unwrapKey, wrapKey } from './field-cipher.ts';

describe('personal-data field encryption', () => {
  const key = randomBytes(32);

  it('round-trips any JSON value in an envelope that names its subject, never its content', () => {
    for (const value of ['Ann Example', { line1: '1 High St' }, 42, ['a', 'b']]) {
      const sealed = sealValue(value, 'subject-1', key);
      expect(sealed).toMatchObject({ $sealed: 'aes-256-gcm', subject: 'subject-1' });
      expect(sealedSubjectOf(sealed)).toBe('subject-1');
      expect(JSON.stringify(sealed)).not.toContain('Ann');
      expect(openValue(sealed, key)).toEqual(value);
    }
  });

  it('encrypts the same value differently each time', () => {
    expect(sealValue('Ann', 's', key).ciphertext).not.toBe(sealValue('Ann', 's', key).ciphertext);
  });

  it('never uses an IV twice, across the reads of the random source that IVs are drawn from in batches', () => {
    const ivOf = (sealed: { ciphertext: string }) => Buffer.from(sealed.ciphertext, 'base64url').subarray(0, 12).toString('hex');
    const ivs = Array.from({ length: 2000 }, () => ivOf(sealValue('Ann', 's', key)));
    expect(new Set(ivs).size).toBe(ivs.length);
  });

  it('refuses another key, and a value moved to another subject, naming no content', () => {
    const sealed = sealValue('Ann', 'subject-1', key);
    expect(() => openValue(sealed, randomBytes(32))).toThrow(/does not open/);
    expect(() => openValue({ ...sealed, subject: 'subject-2' }, key)).toThrow(/does not open/);
  });

  it('still opens the pd1 strings old stores hold', () => {
    expect(sealedSubjectOf(LEGACY_SEALED.name)).toBe(LEGACY_SEALED.subjectId);
    expect(openValue(LEGACY_SEALED.name, LEGACY_SEALED.key)).toBe('Ann Example');
    expect(openValue(LEGACY_SEALED.address, LEGACY_SEALED.key)).toEqual({ line1: '1 High St' });
  });

  it('leaves values in clear alone', () => {
    const clear: JsonValue[] = ['police', '[erased]', 7, null, { subject: 's', ciphertext: 'AAAA' }, { $sealed: 'other', subject: 's', ciphertext: 'AAAA' }];
    for (const value of clear) expect(sealedSubjectOf(value)).toBeUndefined();
  });

  it('wraps a subject key under the master key', () => {
    const master = randomBytes(32);
    expect(unwrapKey(wrapKey(key, master), master).equals(key)).toBe(true);
    expect(() => unwrapKey(wrapKey(key, master), randomBytes(32))).toThrow();
  });
});
