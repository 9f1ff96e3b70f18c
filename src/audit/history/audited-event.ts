import type { JsonObject, RecordedEvent } from '../../event-store/event-store.port.ts';

/** One event as an auditor reads it: everything recorded about it, upcast to today's shape. */
export interface AuditedEvent {
  eventId: string;
  type: string;
  schemaVersion: number;
  revision: number;
  position: string;
  recordedAt: string;
  actor: { sub: string; roles: string[] };
  correlationId: string;
  causationId: string;
  data: JsonObject;
}

export function toAuditedEvent(event: RecordedEvent): AuditedEvent {
  return {
    eventId: event.id,
    type: event.type,
    schemaVersion: event.schemaVersion,
    revision: event.revision,
    position: event.position.toString(),
    recordedAt: event.recordedAt.toISOString(),
    actor: event.metadata.actor,
    correlationId: event.metadata.correlationId,
    causationId: event.metadata.causationId,
    data: event.data,
  };
}
