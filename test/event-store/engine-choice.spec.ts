import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { parseConfig } from '../../src/config/config.schema.ts';
import { migrateDatabase } from '../../src/database/data-source.ts';
import { openEventStores, type EventStores } from '../../src/event-store/create-event-store.ts';
import { createEventCatalog } from '../../src/event-store/known-events.ts';
import { EventStoreUnavailable } from '../../src/event-store/event-store.errors.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/** The EventStoreDB engine is loaded only when EVENTSTORE_URL names it: the choice itself, with no server to reach. */
describe('openEventStores: the engine EVENTSTORE_URL names', () => {
  let database: TestDatabase;
  const opened: EventStores[] = [];
  const open = async (env: Record<string, string>) => {
    const config = parseConfig({ MASTER_KEY: randomBytes(32).toString('base64'), ...env });
    const stores = await openEventStores(config, database.url, createEventCatalog());
    opened.push(stores);
    return stores;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    for (const stores of opened) await stores.close();
    await database.drop();
  });

  it('reads from EventStoreDB when named (here unreachable: the engine says it is unavailable)', async () => {
    const stores = await open({ EVENTSTORE_URL: 'kurrentdb://127.0.0.1:1?tls=false' });
    expect(stores.feedHearsAppends).toBe(false);
    await expect(stores.stored.readStream('referral-engine-choice')).rejects.toBeInstanceOf(EventStoreUnavailable);
  });

  it('reads from PostgreSQL otherwise', async () => {
    await migrateDatabase(database.url);
    const stores = await open({});
    expect(stores.feedHearsAppends).toBe(true);
    await expect(stores.stored.readStream('referral-engine-choice')).resolves.toEqual([]);
  });
});
