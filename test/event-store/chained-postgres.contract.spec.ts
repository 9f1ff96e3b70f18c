import { migrateDatabase } from '../../src/database/data-source.ts';
import { ChainedEventStore } from '../../src/event-store/integrity/chained-event-store.ts';
import { createPostgresEventStore } from '../../src/event-store/postgres/postgres-event-store.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { describeEventStoreContract } from './event-store.contract.ts';

/** The hash-chaining decorator the service runs on keeps every promise of the port. */
describeEventStoreContract('PostgreSQL with hash chaining', async () => {
  const database = await createTestDatabase();
  await migrateDatabase(database.url);
  const store = new ChainedEventStore(createPostgresEventStore(database.url));
  return {
    store,
    async dispose() {
      await store.close();
      await database.drop();
    },
  };
});
