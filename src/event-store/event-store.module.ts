import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/config.schema.ts';
import { DATABASE_URL } from '../database/database-url.ts';
import { createEventStore } from './create-event-store.ts';
import { EventCatalog } from './event-catalog.ts';
import { EVENT_STORE, type EventStore } from './event-store.port.ts';
import { createEventCatalog } from './known-events.ts';

@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [ConfigService, DATABASE_URL],
      useFactory: (config: ConfigService<AppConfig, true>, databaseUrl: string): EventStore =>
        createEventStore({ EVENTSTORE_URL: config.get('EVENTSTORE_URL', { infer: true }) }, databaseUrl),
    },
    { provide: EventCatalog, useFactory: createEventCatalog },
  ],
  exports: [EVENT_STORE, EventCatalog],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
