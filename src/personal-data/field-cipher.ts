import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { JsonValue } from '../event-store/event-store.port.ts';

/**
 * A personal-data value as stored: an envelope naming its subject, with base64url(iv | tag | ciphertext)
 * under that subject's key (the subject id is also the ciphertext's associated data, so a value moved to
 * another subject does not open). Sealed values are looked for only at the paths an event's definition
 * declares for its stored schema version, where the store seals every value it writes: text a user typed
 * anywhere else, whatever it looks like, is never opened.
 */
export type SealedValue = {
  /** The envelope's format, under a name no request DTO declares (requests with undeclared fields are refused). */
  $sealed: typeof FORMAT;
  subject: string;
  ciphertext: string;
};

const FORMAT = 'aes-256-gcm';
/** What stores written before envelopes hold at the declared paths: `pd1:<subject id>:<ciphertext>`. */
const LEGACY_PREFIX = 'pd1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** What a reader sees where the data subject's key was destroyed. */
export const ERASED = '[erased]';
/** What a reader other than an auditor sees where processing of the subject's data is restricted. */
export const RESTRICTED = '[restricted]';

/** IVs for this many values are read from the CSPRNG at once: a read per value sealed was a system call per field. */
const IVS_PER_READ = 512;
let ivs = Buffer.alloc(0);
let nextIv = 0;

/** A fresh random IV, never one handed out before. */
function freshIv(): Buffer {
  if (nextIv + IV_BYTES > ivs.length) {
    ivs = randomBytes(IV_BYTES * IVS_PER_READ);
    nextIv = 0;
  }
  nextIv += IV_BYTES;
  return ivs.subarray(nextIv - IV_BYTES, nextIv);
}

export function sealValue(value: JsonValue, subjectId: string, key: Buffer): SealedValue {
  const iv = freshIv();
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(subjectId));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return { $sealed: FORMAT, subject: subjectId, ciphertext: Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url') };
}

/** The subject of a value stored at a declared personal-data path, or undefined where it is not sealed (null, `[erased]`). */
export function sealedSubjectOf(stored: JsonValue): string | undefined {
  return parse(stored)?.subject;
}

/** Opens a value `sealedSubjectOf` recognised; throws (naming no content) when it does not open with the key. */
export function openValue(stored: JsonValue, key: Buffer): JsonValue {
  const sealed = parse(stored);
  if (!sealed) throw new Error('Not a sealed personal-data value');
  try {
    const bytes = Buffer.from(sealed.ciphertext, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(sealed.subject));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const plaintext = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    return JSON.parse(plaintext.toString('utf8')) as JsonValue;
  } catch {
    throw new Error(`A sealed personal-data value of subject ${sealed.subject} does not open with its key`);
  }
}

function parse(stored: JsonValue): Omit<SealedValue, '$sealed'> | undefined {
  if (typeof stored === 'string') {
    if (!stored.startsWith(LEGACY_PREFIX)) return undefined;
    const cut = stored.indexOf(':', LEGACY_PREFIX.length);
    return cut < 0 ? undefined : { subject: stored.slice(LEGACY_PREFIX.length, cut), ciphertext: stored.slice(cut + 1) };
  }
  if (stored === null || typeof stored !== 'object' || Array.isArray(stored) || stored.$sealed !== FORMAT) return undefined;
  const { subject, ciphertext } = stored;
  return typeof subject === 'string' && typeof ciphertext === 'string' ? { subject, ciphertext } : undefined;
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
