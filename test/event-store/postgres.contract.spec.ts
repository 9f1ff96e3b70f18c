import { migrateDatabase } from '../../src/database/data-source.ts';
import { createPostgresEventStore } from '../../src/event-store/postgres/postgres-event-store.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { describeEventStoreContract } from './event-store.contract.ts';

describeEventStoreContract('PostgreSQL', async () => {
  const database = await createTestDatabase();
  await migrateDatabase(database.url);
  const store = createPostgresEventStore(database.url);
  return {
    store,
    async dispose() {
      await store.close();
      await database.drop();
    },
  };
});
