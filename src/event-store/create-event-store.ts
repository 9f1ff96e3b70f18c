import type { AppConfig } from '../config/config.schema.ts';
import type { EventStore } from './event-store.port.ts';
import { createEventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store.ts';
import { createPostgresEventStore } from './postgres/postgres-event-store.ts';

/** PostgreSQL by default; EventStoreDB when EVENTSTORE_URL names one. Read models stay in PostgreSQL either way. */
export function createEventStore(config: Pick<AppConfig, 'EVENTSTORE_URL'>, databaseUrl: string): EventStore {
  return config.EVENTSTORE_URL ? createEventStoreDbEventStore(config.EVENTSTORE_URL) : createPostgresEventStore(databaseUrl);
}
