import { createPool } from '../../src/database/pool.ts';
import { parseConfig } from '../../src/config/config.schema.ts';
import { openEventStores } from '../../src/event-store/create-event-store.ts';
import { createEventCatalog } from '../../src/event-store/known-events.ts';
import { checkpoints } from './checkpoint-store.ts';
import { ALL_PROJECTIONS, projectionNamed } from './projection-registry.ts';
import { DEFAULT_RUNNER_OPTIONS, ProjectionRunner } from './projection-runner.ts';
import { requestRebuild } from './rebuild-request.ts';
import { sourceFor } from './projection-source.ts';
import { TailReader } from './tail-reader.ts';

/**
 * `npm run projections`: the projectors as their own process, so a deployment scales them apart from
 * the API (run the API with PROJECTIONS=off). Several may run: one is active per projection.
 * `npm run projections:rebuild -- <name>`: rebuilds one read model without downtime and waits for the swap.
 */
async function main(): Promise<void> {
  const config = parseConfig(process.env);
  if (!config.DATABASE_URL) {
    console.error('The projectors need DATABASE_URL: the embedded PostgreSQL belongs to the `npm start` process, which runs its projectors itself.');
    process.exit(2);
  }
  const [command, name] = process.argv.slice(2);
  // No statement timeouts: rebuilding and indexing a read model may take minutes.
  const pool = createPool(config.DATABASE_URL, ALL_PROJECTIONS.length + 2, { connectMs: config.DATABASE_CONNECT_TIMEOUT_MS });
  const catalog = createEventCatalog();
  const stores = await openEventStores(config, config.DATABASE_URL, catalog);
  const log = (level: 'log' | 'warn' | 'error', message: string) => console[level === 'log' ? 'log' : level](`[projections] ${message}`);
  const tail = new TailReader(DEFAULT_RUNNER_OPTIONS.batchSize);
  const runnerFor = (projection = ALL_PROJECTIONS[0]!) =>
    new ProjectionRunner(pool, sourceFor(projection, stores.events, stores.stored), catalog, projection, { ...DEFAULT_RUNNER_OPTIONS, safetyPollMs: config.PROJECTION_POLL_MS, log }, tail);

  const shutdown = async (runners: ProjectionRunner[]) => {
    await Promise.all(runners.map((runner) => runner.stop()));
    await stores.close();
    await pool.end();
  };

  if (command === 'rebuild') {
    const projection = name ? projectionNamed(name) : undefined;
    if (!projection) {
      console.error(`Usage: npm run projections:rebuild -- <${ALL_PROJECTIONS.map((known) => known.name).join('|')}>`);
      process.exit(2);
    }
    await requestRebuild(pool, projection);
    // If no projector process holds the projection, this one builds it; otherwise the active one does.
    const runner = runnerFor(projection);
    runner.start();
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const checkpoint = await checkpoints.read(pool, projection.name);
      if (checkpoint?.rebuildVersion === null) break;
      log('log', `${projection.name}: rebuilding, at position ${checkpoint?.rebuildPosition ?? 'start'}`);
    }
    log('log', `${projection.name}: rebuilt and swapped in`);
    await shutdown([runner]);
    return;
  }

  const runners = ALL_PROJECTIONS.map((projection) => runnerFor(projection));
  for (const runner of runners) runner.start();
  log('log', `Running ${runners.length} projection(s); standing by where another instance is active`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void shutdown(runners).then(() => process.exit(0)));
  }
}

await main();
