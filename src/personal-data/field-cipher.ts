import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { JsonValue } from '../event-store/event-store.port.ts';

/**
 * A personal-data value as stored: `pd1:<subject id>:<base64url(iv | tag | ciphertext)>`. The subject
 * id travels with the value, so reading needs no event definition and survives schema changes.
 */
const PREFIX = 'pd1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** What a reader sees where the data subject's key was destroyed. */
export const ERASED = '[erased]';
/** What a reader other than an auditor sees where processing of the subject's data is restricted. */
export const RESTRICTED = '[restricted]';

export function encryptValue(value: JsonValue, subjectId: string, key: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(subjectId));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return `${PREFIX}${subjectId}:${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url')}`;
}

/** The subject of an encrypted value, or undefined for a value in clear. */
export function subjectOf(value: JsonValue): string | undefined {
  if (typeof value !== 'string' || !value.startsWith(PREFIX)) return undefined;
  return value.slice(PREFIX.length, value.indexOf(':', PREFIX.length));
}

export function decryptValue(value: string, key: Buffer): JsonValue {
  const subjectId = subjectOf(value)!;
  const sealed = Buffer.from(value.slice(PREFIX.length + subjectId.length + 1), 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(subjectId));
  decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  const plaintext = Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
  return JSON.parse(plaintext.toString('utf8')) as JsonValue;
}

/** Key wrapping: a subject's key is stored only encrypted under the master key. */
export function wrapKey(key: Buffer, masterKey: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', masterKey, iv);
  return Buffer.concat([iv, cipher.update(key), cipher.final(), cipher.getAuthTag()]);
}

export function unwrapKey(wrapped: Buffer, masterKey: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', masterKey, wrapped.subarray(0, IV_BYTES));
  decipher.setAuthTag(wrapped.subarray(wrapped.length - TAG_BYTES));
  return Buffer.concat([decipher.update(wrapped.subarray(IV_BYTES, wrapped.length - TAG_BYTES)), decipher.final()]);
}
