import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { migrateDatabase } from '../../src/database/data-source.ts';
import { DuplicateEventId } from '../../src/event-store/event-store.errors.ts';
import { createPostgresEventStore } from '../../src/event-store/postgres/postgres-event-store.ts';
import { things } from '../support/projection-harness.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { describeEventStoreContract } from './event-store.contract.ts';

const connect = async () => {
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
};

describeEventStoreContract('PostgreSQL', connect);

/** Beyond the contract: EventStoreDB scopes event ids to a stream, PostgreSQL makes them unique. */
describe('PostgreSQL event ids', () => {
  it('refuses an event id already stored in another stream', async () => {
    const { store, dispose } = await connect();
    try {
      const batch = things(1);
      await store.append(`a-${randomUUID()}`, batch, 'no_stream');
      await expect(store.append(`b-${randomUUID()}`, batch, 'no_stream')).rejects.toBeInstanceOf(DuplicateEventId);
    } finally {
      await dispose();
    }
  });
});
