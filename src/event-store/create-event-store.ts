import type { AppConfig } from '../config/config.schema.ts';
import type { EventStore } from './event-store.port.ts';
import { ChainedEventStore } from './integrity/chained-event-store.ts';
import { createEventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store.ts';
import { createPostgresEventStore } from './postgres/postgres-event-store.ts';

/**
 * PostgreSQL by default; EventStoreDB when EVENTSTORE_URL names one. Read models stay in PostgreSQL
 * either way. Every append is hash-chained, whichever the engine.
 */
export function createEventStore(config: Pick<AppConfig, 'EVENTSTORE_URL'>, databaseUrl: string): EventStore {
  const engine = config.EVENTSTORE_URL ? createEventStoreDbEventStore(config.EVENTSTORE_URL) : createPostgresEventStore(databaseUrl);
  return new ChainedEventStore(engine);
}
