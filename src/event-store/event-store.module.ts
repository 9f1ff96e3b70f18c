import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/config.schema.ts';
import { APPENDS_FEED, type AppendsFeed } from '../database/change-feed.ts';
import { DATABASE_URL } from '../database/database-url.ts';
import { SubjectKeys } from '../personal-data/subject-keys.ts';
import { openEventStores, type EventStores } from './create-event-store.ts';
import { EventCatalog } from './event-catalog.ts';
import { IntegrityCheckpoints } from './integrity/integrity-checkpoints.ts';
import { AUDIT_EVENT_STORE, EVENT_STORE, STORED_EVENT_STORE } from './event-store.port.ts';
import { createEventCatalog } from './known-events.ts';

const EVENT_STORES = Symbol('EVENT_STORES');

@Global()
@Module({
  providers: [
    { provide: EventCatalog, useFactory: createEventCatalog },
    {
      provide: EVENT_STORES,
      inject: [ConfigService, DATABASE_URL, EventCatalog],
      useFactory: (config: ConfigService<AppConfig, true>, databaseUrl: string, catalog: EventCatalog): Promise<EventStores> =>
        openEventStores(
          {
            EVENTSTORE_URL: config.get('EVENTSTORE_URL', { infer: true }),
            MASTER_KEY: config.get('MASTER_KEY', { infer: true }),
            MASTER_KEY_FILE: config.get('MASTER_KEY_FILE', { infer: true }),
            DATA_DIR: config.get('DATA_DIR', { infer: true }),
            DATABASE_CONNECT_TIMEOUT_MS: config.get('DATABASE_CONNECT_TIMEOUT_MS', { infer: true }),
            DATABASE_STATEMENT_TIMEOUT_MS: config.get('DATABASE_STATEMENT_TIMEOUT_MS', { infer: true }),
            DATABASE_QUERY_TIMEOUT_MS: config.get('DATABASE_QUERY_TIMEOUT_MS', { infer: true }),
          },
          databaseUrl,
          catalog,
        ),
    },
    { provide: EVENT_STORE, inject: [EVENT_STORES], useFactory: (stores: EventStores) => stores.events },
    { provide: AUDIT_EVENT_STORE, inject: [EVENT_STORES], useFactory: (stores: EventStores) => stores.audit },
    { provide: STORED_EVENT_STORE, inject: [EVENT_STORES], useFactory: (stores: EventStores) => stores.stored },
    { provide: SubjectKeys, inject: [EVENT_STORES], useFactory: (stores: EventStores) => stores.keys },
    { provide: IntegrityCheckpoints, inject: [EVENT_STORES], useFactory: (stores: EventStores) => stores.checkpoints },
    { provide: APPENDS_FEED, inject: [EVENT_STORES], useFactory: (stores: EventStores): AppendsFeed => ({ feed: stores.feedHearsAppends ? stores.changes : undefined }) },
  ],
  exports: [APPENDS_FEED, EVENT_STORE, AUDIT_EVENT_STORE, STORED_EVENT_STORE, SubjectKeys, IntegrityCheckpoints, EventCatalog],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORES) private readonly stores: EventStores) {}

  async onApplicationShutdown(): Promise<void> {
    await this.stores.close();
  }
}
