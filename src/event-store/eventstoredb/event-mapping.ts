import { jsonEvent, type EventData, type RecordedEvent as ClientRecordedEvent } from '@kurrent/kurrentdb-client';
import { z } from 'zod';
import type { JsonObject, NewEvent, RecordedEvent } from '../event-store.port.ts';
import { toStorePosition } from './log-position.ts';

/**
 * Casework's metadata as stored in an event's JSON metadata. EventStoreDB has no schema version
 * field, so it lives here too. `$correlationId` and `$causationId` repeat the ids under the names
 * EventStoreDB's system projections read (`$by_correlation_id`); ours are read back from the plain keys.
 */
const storedMetadataSchema = z.object({
  actor: z.object({ sub: z.string(), roles: z.array(z.string()) }),
  correlationId: z.string(),
  causationId: z.string(),
  schemaVersion: z.number().int().positive(),
  integrity: z.object({ previous: z.string().nullable(), hash: z.string() }).optional(),
});

type StoredMetadata = z.infer<typeof storedMetadataSchema> & { $correlationId: string; $causationId: string };

export function toStoredMetadata(event: Pick<NewEvent, 'metadata' | 'schemaVersion'>): StoredMetadata {
  const { actor, correlationId, causationId, integrity } = event.metadata;
  const stored = { actor, correlationId, causationId, schemaVersion: event.schemaVersion, $correlationId: correlationId, $causationId: causationId };
  return integrity ? { ...stored, integrity } : stored;
}

export function toEventData(event: NewEvent): EventData {
  return jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: toStoredMetadata(event) });
}

export function toRecordedEvent(event: ClientRecordedEvent): RecordedEvent {
  const describe = `Event ${event.id} (${event.type}) in stream ${event.streamId}`;
  if (!event.isJson || !isJsonObject(event.data)) throw new UnreadableStoredEvent(`${describe} has no JSON object as data`);
  const metadata = storedMetadataSchema.safeParse(event.metadata);
  if (!metadata.success) throw new UnreadableStoredEvent(`${describe} has no Casework metadata: ${z.prettifyError(metadata.error)}`);
  const { schemaVersion, ...ours } = metadata.data;
  return {
    id: event.id,
    type: event.type,
    schemaVersion,
    data: event.data,
    metadata: ours,
    stream: event.streamId,
    revision: Number(event.revision),
    position: toStorePosition(event.position, event.id),
    recordedAt: event.created,
  };
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/** A stored event Casework did not write (or cannot read): failing loudly beats folding it wrongly. */
export class UnreadableStoredEvent extends Error {
  override readonly name = 'UnreadableStoredEvent';
}
