import { createHash } from 'node:crypto';
import { canonicalJson } from '../../shared/canonical-json.ts';
import type { EventMetadata, NewEvent } from '../event-store.port.ts';


export interface Chained {
  stream: string;
  revision: number;
}

/**
 * The hash of one stored event: its place (stream, revision), identity, type, schema version, data
 * as stored (ciphertext where personal data is encrypted) and metadata, chained to the previous
 * event of its stream. Changing, inserting or removing an event breaks every hash after it.
 */
export function eventHash(event: Pick<NewEvent, 'id' | 'type' | 'schemaVersion' | 'data' | 'metadata'> & Chained, previous: string | null): string {
  const { integrity: _own, ...metadata } = event.metadata;
  const content = { stream: event.stream, revision: event.revision, id: event.id, type: event.type, schemaVersion: event.schemaVersion, data: event.data, metadata, previous };
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** The metadata with the event's link in its stream's chain. */
export function withIntegrity(metadata: EventMetadata, previous: string | null, hash: string): EventMetadata {
  return { ...metadata, integrity: { previous, hash } };
}
