import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { referralEventDefinitions } from '../referrals/domain/referral.events.ts';
import type { AppConfig } from '../config/config.schema.ts';
import { DATABASE_URL } from '../database/database-url.ts';
import { EventCatalog } from './event-catalog.ts';
import { EVENT_STORE, type EventStore } from './event-store.port.ts';
import { createEventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store.ts';
import { createPostgresEventStore } from './postgres/postgres-event-store.ts';

/** Every event type of every bounded context: the catalog the store boundary upcasts with. */
const ALL_EVENT_DEFINITIONS = [...referralEventDefinitions];

/** PostgreSQL by default; EventStoreDB when EVENTSTORE_URL names one. Read models stay in PostgreSQL either way. */
@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [ConfigService, DATABASE_URL],
      useFactory: (config: ConfigService<AppConfig, true>, databaseUrl: string): EventStore => {
        const eventStoreUrl = config.get('EVENTSTORE_URL', { infer: true });
        return eventStoreUrl ? createEventStoreDbEventStore(eventStoreUrl) : createPostgresEventStore(databaseUrl);
      },
    },
    { provide: EventCatalog, useValue: new EventCatalog(ALL_EVENT_DEFINITIONS) },
  ],
  exports: [EVENT_STORE, EventCatalog],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
