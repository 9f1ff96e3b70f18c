import type { EventMetadata, JsonObject, RecordedEvent } from '../event-store.port.ts';

export interface EventRow {
  position: string;
  stream: string;
  revision: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: JsonObject;
  /** As text, parsed when first asked for: a projection's fold and a decider never look at it. */
  metadata_json: string;
  recorded_at_ms: number;
}

/** A row of a tail read: one of its events (`wanted`) or the last its look reached (`look_end`); or its last row, nulls but for the head. */
export type TailRow = (EventRow & { wanted: boolean; look_end: boolean | null; tail_head: null }) | ({ [column in keyof EventRow]: null } & { wanted: null; look_end: null; tail_head: string | null });

export function toRecordedEvent(row: EventRow): RecordedEvent {
  let metadata: EventMetadata | undefined;
  return {
    id: row.event_id,
    stream: row.stream,
    revision: row.revision,
    position: BigInt(row.position),
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    get metadata(): EventMetadata {
      return (metadata ??= JSON.parse(row.metadata_json) as EventMetadata);
    },
    recordedAt: new Date(row.recorded_at_ms),
  };
}
