import { eventTypeFilter, type Filter } from '@kurrent/kurrentdb-client';

/**
 * The server-side $all filter: exactly the given event types, or, without a list, every event that
 * is not a system event (EventStoreDB's own records — stream metadata, link events, statistics —
 * all have `$`-prefixed types). The regex runs on the server (.NET), so names are escaped and anchored.
 */
export function storeEventFilter(eventTypes?: readonly string[]): Filter {
  return eventTypeFilter({ regex: eventTypes ? exactly(eventTypes) : NOT_A_SYSTEM_EVENT });
}

const NOT_A_SYSTEM_EVENT = '^[^$]';

/** `(?!)` never matches: an empty list of types selects no events. */
function exactly(eventTypes: readonly string[]): string {
  return eventTypes.length === 0 ? '(?!)' : `^(?:${eventTypes.map(escapeRegex).join('|')})$`;
}

/** Escapes regex metacharacters in a form .NET reads literally. */
function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\#\s]/g, '\\$&');
}
