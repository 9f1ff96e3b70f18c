import type { AppConfig } from '../config/config.schema.ts';
import { ChangeFeed } from '../database/change-feed.ts';
import { createPool, databaseTimeouts } from '../database/pool.ts';
import { EncryptingEventStore } from '../personal-data/encrypting-event-store.ts';
import { resolveMasterKey } from '../personal-data/master-key.ts';
import { SubjectKeys } from '../personal-data/subject-keys.ts';
import { useMatchingKeyFrom } from '../people/match-keys.ts';
import type { EventCatalog } from './event-catalog.ts';
import type { EventStore } from './event-store.port.ts';
import { ChainedEventStore } from './integrity/chained-event-store.ts';
import { IntegrityCheckpoints } from './integrity/integrity-checkpoints.ts';
import { checkpointSigningKey } from './integrity/log-digest.ts';
import { createPostgresEventStore } from './postgres/postgres-event-store.ts';

/** One engine seen three ways; closing closes the engine once. */
export interface EventStores {
  /** For commands, projections and queries: personal data decrypted, restricted subjects withheld. */
  events: EventStore;
  /** For auditors: restricted subjects shown too. */
  audit: EventStore;
  /** As stored (ciphertext and hashes), for verifying integrity. */
  stored: EventStore;
  keys: SubjectKeys;
  /** What other processes change of what this one keeps in memory. */
  changes: ChangeFeed;
  /** Whether the change feed hears appends too (the events are in PostgreSQL): streams' folds may then be kept. */
  feedHearsAppends: boolean;
  checkpoints: IntegrityCheckpoints;
  close(): Promise<void>;
}

export type EventStoresConfig = Pick<
  AppConfig,
  'EVENTSTORE_URL' | 'MASTER_KEY' | 'MASTER_KEY_FILE' | 'DATA_DIR' | 'DATABASE_CONNECT_TIMEOUT_MS' | 'DATABASE_STATEMENT_TIMEOUT_MS' | 'DATABASE_QUERY_TIMEOUT_MS'
>;

/**
 * PostgreSQL by default; EventStoreDB when EVENTSTORE_URL names one. Read models and the data
 * subjects' keys stay in PostgreSQL either way. Every append is hash-chained over its ciphertext.
 */
export async function openEventStores(config: EventStoresConfig, databaseUrl: string, catalog: EventCatalog): Promise<EventStores> {
  const timeouts = databaseTimeouts(config);
  const engine = config.EVENTSTORE_URL ? await openEventStoreDb(config.EVENTSTORE_URL) : createPostgresEventStore(databaseUrl, { timeouts });
  const stored = new ChainedEventStore(engine);
  // Every command and every read of personal data looks keys up: as many connections as the engine's.
  const pool = createPool(databaseUrl, 20, timeouts);
  const masterKey = await resolveMasterKey(config);
  const changes = new ChangeFeed(pool.options);
  const keys = new SubjectKeys(pool, masterKey, changes);
  useMatchingKeyFrom(masterKey);
  return {
    events: new EncryptingEventStore(stored, keys, catalog, { revealRestricted: false }),
    audit: new EncryptingEventStore(stored, keys, catalog, { revealRestricted: true }),
    stored,
    keys,
    changes,
    feedHearsAppends: !config.EVENTSTORE_URL,
    checkpoints: new IntegrityCheckpoints(pool, stored, checkpointSigningKey(masterKey)),
    async close() {
      await changes.close();
      await engine.close();
      await pool.end();
    },
  };
}

/** Loaded only where a deployment names EventStoreDB: its gRPC client and what it pulls in are about 190 module files every other process would load for nothing. */
async function openEventStoreDb(connectionString: string): Promise<EventStore> {
  const { createEventStoreDbEventStore } = await import('./eventstoredb/eventstoredb-event-store.ts');
  return createEventStoreDbEventStore(connectionString);
}
