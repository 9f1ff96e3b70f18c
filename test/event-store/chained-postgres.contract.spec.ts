import { describe, expect, it } from '@jest/globals';
import { migrateDatabase } from '../../src/database/data-source.ts';
import { ChainedEventStore } from '../../src/event-store/integrity/chained-event-store.ts';
import { verifyIntegrity } from '../../src/event-store/integrity/verify-integrity.ts';
import { createPostgresEventStore } from '../../src/event-store/postgres/postgres-event-store.ts';
import { things } from '../support/projection-harness.ts';
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

describe('hash chaining on the hot path', () => {
  it('appends after a whole-stream read or its own append without reading the stream again, and still links correctly', async () => {
    const database = await createTestDatabase();
    await migrateDatabase(database.url);
    const engine = createPostgresEventStore(database.url);
    let engineReads = 0;
    const counting = new Proxy(engine, {
      get: (target, property, receiver) => (property === 'readStream' ? (...args: Parameters<typeof engine.readStream>) => (engineReads++, target.readStream(...args)) : Reflect.get(target, property, receiver)),
    });
    const store = new ChainedEventStore(counting);
    const otherProcess = new ChainedEventStore(createPostgresEventStore(database.url));
    try {
      await store.append('hot-1', things(2), 'no_stream');
      const history = await store.readStream('hot-1');
      const readsBefore = engineReads;
      await store.append('hot-1', things(1), history.at(-1)!.revision);
      await store.append('hot-1', things(1), 3 - 1);
      await store.append('hot-1', things(1), 'any');
      expect(engineReads).toBe(readsBefore);

      // Appending the same ids again stores nothing: the stored events stay the tip, not the ones hashed again.
      const batch = things(1);
      await store.append('hot-1', batch, 4);
      await store.append('hot-1', batch, 4);
      await store.append('hot-1', things(1), 'any');
      // Another process moves the tip: the remembered one fails on its revision, and the append reads and links anew.
      await otherProcess.append('hot-1', things(1), 'any');
      await store.append('hot-1', things(1), 'any');

      const chain = (await store.readStream('hot-1')).map((event) => event.metadata.integrity!);
      expect(chain).toHaveLength(9);
      chain.slice(1).forEach((link, index) => expect(link.previous).toBe(chain[index]!.hash));
      expect((await verifyIntegrity(store, { stream: 'hot-1' })).ok).toBe(true);
    } finally {
      await otherProcess.close();
      await store.close();
      await database.drop();
    }
  });
});
