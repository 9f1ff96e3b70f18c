import type { JsonValue, RecordedEvent } from '../../src/event-store/event-store.port.ts';

/** A projection's handler (or the event's upcasting) threw on this one event. */
export class EventNotApplied extends Error {
  override readonly name = 'EventNotApplied';

  constructor(
    readonly event: Pick<RecordedEvent, 'position' | 'type'>,
    cause: unknown,
  ) {
    super(`${event.type} at position ${event.position} not applied`, { cause });
  }
}

/** SQLSTATE classes of a value the read model's table refuses: 22 data exception, 23 integrity constraint violation. */
const REFUSED_VALUE_CLASSES = new Set(['22', '23']);

/**
 * Whether a failed batch failed because of what one of its events says, so that event may be parked once
 * it fails alone: its handler threw, or the table refused a value it made. Anything else (a connection lost
 * or timed out, a missing table, a bug in the runner) says nothing about the events: the projection halts
 * and retries, as it would have without parking.
 */
export function isEventFailure(error: unknown): boolean {
  if (error instanceof EventNotApplied) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.length === 5 && REFUSED_VALUE_CLASSES.has(code.slice(0, 2));
}

/** Long enough for a stack-free error line, short enough for a log line and a table cell. */
const MESSAGE_CHARS = 500;

/**
 * The error as an operator may see it, logged and stored beside a parked event: the handler's own error
 * (not our wrapper), with every value of the event's data that it quotes withheld, since those may be personal.
 */
export function failureMessage(error: unknown, event: Pick<RecordedEvent, 'data'>): string {
  const cause = error instanceof EventNotApplied ? error.cause : error;
  let message = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  for (const value of quotableValues(event.data).sort((a, b) => b.length - a.length)) message = message.split(value).join('[withheld]');
  return message.slice(0, MESSAGE_CHARS);
}

function quotableValues(value: JsonValue): string[] {
  if (typeof value === 'string') return value.length >= 2 ? [value] : [];
  if (typeof value === 'number') return String(value).length >= 2 ? [String(value)] : [];
  if (Array.isArray(value)) return value.flatMap(quotableValues);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(quotableValues);
  return [];
}
