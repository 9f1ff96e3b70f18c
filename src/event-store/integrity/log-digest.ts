import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { RecordedEvent } from '../event-store.port.ts';

/** The running digest of the global log: each event's place and hash folded into the previous digest. */
export function foldDigest(digest: string, event: RecordedEvent): string {
  const link = event.metadata.integrity?.hash ?? `unchained:${event.id}`;
  return createHash('sha256').update(`${digest}:${event.position}:${event.stream}:${event.revision}:${link}`).digest('hex');
}

export const EMPTY_DIGEST = '0'.repeat(64);

export interface SignedCheckpoint {
  /** The last event the digest covers. */
  position: bigint;
  /** How many events the digest covers, from the first. */
  events: bigint;
  digest: string;
  signature: string;
}

/** Checkpoints are signed with a key derived from the master key, never the master key itself. */
export function checkpointSigningKey(masterKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'casework integrity checkpoints', 32));
}

export function signCheckpoint(key: Buffer, checkpoint: Omit<SignedCheckpoint, 'signature'>): string {
  return createHmac('sha256', key).update(`${checkpoint.position}:${checkpoint.events}:${checkpoint.digest}`).digest('hex');
}

export function hasValidSignature(key: Buffer, checkpoint: SignedCheckpoint): boolean {
  const expected = Buffer.from(signCheckpoint(key, checkpoint), 'hex');
  const given = Buffer.from(checkpoint.signature, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
