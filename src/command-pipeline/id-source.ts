import { createHash, randomUUID } from 'node:crypto';

/**
 * Where a command gets the ids of the events and cases it creates. Under an Idempotency-Key the
 * ids are derived from the key, so a retried request after a crash produces the same ids and the
 * event store's idempotent append stores nothing twice.
 */
export interface IdSource {
  /** The id of a case this command creates. */
  caseId(): string;
  /** The id of the n-th event this command appends (0-based). */
  eventId(index: number): string;
  /** The id of the n-th person (data subject) this command introduces. */
  subjectId(index: number): string;
  /** The id of a part of a case this command creates, e.g. a service referral. */
  partId(): string;
  /** Whether a retry of the command gets the same ids, so the events of an earlier run can be recognised. */
  repeatable: boolean;
}

export const randomIds: IdSource = {
  caseId: () => randomUUID(),
  eventId: () => randomUUID(),
  subjectId: () => randomUUID(),
  partId: () => randomUUID(),
  repeatable: false,
};

export function idsDerivedFrom(seed: string): IdSource {
  return {
    caseId: () => nameBasedUuid(`${seed}/case`),
    eventId: (index) => nameBasedUuid(`${seed}/event/${index}`),
    subjectId: (index) => nameBasedUuid(`${seed}/subject/${index}`),
    partId: () => nameBasedUuid(`${seed}/part`),
    repeatable: true,
  };
}

/** The ids of one of several commands a request runs (named by `part`): repeatable when the request's are. */
export function idsOfPart(ids: IdSource, part: string): IdSource {
  return ids.repeatable ? idsDerivedFrom(`${ids.eventId(0)}/${part}`) : randomIds;
}

/** RFC 9562 version 5 (SHA-1, name-based) UUID in Casework's own namespace. */
function nameBasedUuid(name: string): string {
  const hash = createHash('sha1').update(CASEWORK_NAMESPACE).update(name).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const CASEWORK_NAMESPACE = Buffer.from('6f1d9a5e0c4b4f7a9d2e8b3c5a7f1e20', 'hex');
