import 'reflect-metadata';
import { parseConfig } from '../../config/config.schema.ts';
import { attachToEmbeddedPostgres } from '../../database/embedded-postgres.ts';
import { openEventStores } from '../../event-store/create-event-store.ts';
import { createEventCatalog } from '../../event-store/known-events.ts';
import { ErasureRegister, erasureRegisterPath } from './erasure-register.ts';
import { reapplyErasures } from './reapply-erasures.ts';

/**
 * `npm run erasures:reapply`: after restoring a backup, erases again every subject the erasure register names
 * (with the service's DATA_DIR or DATABASE_URL, MASTER_KEY and ERASURE_REGISTER_PATH). The read models follow the
 * erasures it records as soon as the projectors run.
 */
async function main(): Promise<number> {
  const config = parseConfig(process.env);
  const register = new ErasureRegister(erasureRegisterPath(config));
  const entries = await register.entries();
  const database = config.DATABASE_URL ? { url: config.DATABASE_URL, stop: async () => {} } : await attachToEmbeddedPostgres({ dataDir: config.DATA_DIR, database: 'casework', durable: true });
  const catalog = createEventCatalog();
  const stores = await openEventStores(config, database.url, catalog);
  try {
    const { keysDestroyed, recorded } = await reapplyErasures(entries, { keys: stores.keys, store: stores.events, catalog });
    console.log(`${entries.length} erasures in ${register.path}: ${keysDestroyed} keys destroyed again, ${recorded} erasure records written again`);
    return 0;
  } finally {
    await stores.close();
    await database.stop();
  }
}

// Explicit exit: the embedded-postgres package's exit hook would otherwise end every run with code 0.
process.exit(await main());
