import 'reflect-metadata';
import { createApp } from '../app.factory.ts';
import { KnownUsers } from '../auth/known-users.ts';
import { parseConfig } from '../config/config.schema.ts';
import { startEmbeddedPostgres } from '../database/embedded-postgres.ts';
import { EventCatalog } from '../event-store/event-catalog.ts';
import { EVENT_STORE } from '../event-store/event-store.port.ts';
import { SettingsService } from '../settings/settings.service.ts';
import { parseSeedArgs, SeedUsageError } from './seed-args.ts';
import { seedCaseManagers, seedComplaints, seedReferrals, seedResolutions } from './seeder.ts';

/**
 * `npm run seed -- --referrals 10000 --complaints 1000 --resolutions 2000`: demo histories through the real
 * deciders, appended through the same event store the service uses (so whatever it does on append, it does here). Run it against the service's
 * DATABASE_URL, or with the service stopped when it uses the embedded PostgreSQL in DATA_DIR; the projectors
 * fill the read models when the service (or `npm run projections`) next runs.
 */
async function main(): Promise<void> {
  const args = parseSeedArgs(process.argv.slice(2));
  const config = parseConfig(process.env);
  const database = config.DATABASE_URL
    ? { url: config.DATABASE_URL, stop: async () => {} }
    : await startEmbeddedPostgres({ dataDir: config.DATA_DIR, database: 'casework', durable: true });
  // The service's own wiring (migrations, event store, settings), without HTTP and without projectors.
  const app = await createApp({ config: { ...config, PROJECTIONS: 'off' }, databaseUrl: database.url, logger: false, docsUi: false });
  try {
    if (args.referrals > 0) await seedCaseManagers(app.get(KnownUsers));
    const target = { store: app.get(EVENT_STORE), catalog: app.get(EventCatalog), settings: await app.get(SettingsService).current(), now: new Date(), seed: args.seed };
    const kinds = [
      { count: args.referrals, label: 'referrals', what: 'victim journeys', seed: seedReferrals },
      { count: args.complaints, label: 'complaints', what: 'complaints', seed: seedComplaints },
      { count: args.resolutions, label: 'resolutions', what: 'Community Resolutions', seed: seedResolutions },
    ];
    for (const { count, label, what, seed } of kinds.filter((kind) => kind.count > 0)) {
      const started = Date.now();
      const written = await seed(target, count, (cases) => console.log(`${label}: ${cases} of ${count}`));
      console.log(`${label}: ${written.cases} ${what}, ${written.events} events in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  } finally {
    await app.close();
    await database.stop();
  }
}

try {
  await main();
} catch (error) {
  if (!(error instanceof SeedUsageError)) throw error;
  console.error(error.message);
  process.exit(2);
}
