import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory.ts';
import { generatedSecretFile, jwtSecretKeptWithData, resolveJwtSecret } from './auth/jwt-secret.ts';
import { InvalidConfig, parseConfig, type AppConfig } from './config/config.schema.ts';
import { ClusterInUse } from './database/embedded-cluster-owner.ts';
import { startEmbeddedPostgres, type RunningPostgres } from './database/embedded-postgres.ts';
import { ClusterUnreachable } from './database/postgres-system-user.ts';
import { masterKeyKeptWithData, resolveMasterKey } from './personal-data/master-key.ts';

const logger = new Logger('Casework');

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  await readSecretsOrExit(config);
  for (const warning of [masterKeyKeptWithData(config), jwtSecretKeptWithData(config)]) if (warning) logger.warn(warning);
  const database = await openDatabase(config);
  const app = await createApp({ config, databaseUrl: database.url });
  const stop = async () => {
    await app.close();
    await database.stop();
  };
  ownShutdown(stop);
  try {
    await app.listen({ port: config.PORT, host: config.HOST });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.error(`PORT ${config.PORT} is already in use on ${config.HOST}: stop what listens there or set another PORT`);
    await stop();
    process.exit(1);
  }
  logger.log(`Listening on ${await app.getUrl()}/api (docs at /api/docs)`);
  if (!config.AUTH_JWT_SECRET && !config.AUTH_JWKS_URL) {
    logger.log(`Tokens are signed with the secret generated in ${generatedSecretFile(config.DATA_DIR)}; mint one with: npm run token -- --sub alice --roles case_manager`);
  }
}

function loadConfigOrExit(): AppConfig {
  try {
    return parseConfig(process.env);
  } catch (error) {
    if (!(error instanceof InvalidConfig)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/** A secret file that is missing or holds no usable secret stops the start in one line, before anything else. */
async function readSecretsOrExit(config: AppConfig): Promise<void> {
  try {
    await Promise.all([resolveMasterKey(config), resolveJwtSecret(config)]);
  } catch (error) {
    if (!(error instanceof InvalidConfig)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

async function openDatabase(config: AppConfig): Promise<Pick<RunningPostgres, 'url' | 'stop'>> {
  if (config.DATABASE_URL) return { url: config.DATABASE_URL, stop: async () => {} };
  logger.log(`No DATABASE_URL: starting the embedded PostgreSQL in ${config.DATA_DIR}`);
  try {
    return await startEmbeddedPostgres({ dataDir: config.DATA_DIR, database: 'casework', durable: true, onRecovery: (line) => logger.warn(line) });
  } catch (error) {
    if (!(error instanceof ClusterInUse || error instanceof ClusterUnreachable)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/**
 * The embedded-postgres package stops its server on the first signal, while requests may still be
 * in flight; we take the signals over so the order is: drain HTTP, close the stores, stop PostgreSQL.
 */
function ownShutdown(shutdown: () => Promise<void>): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      logger.log(`${signal}: shutting down`);
      shutdown().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error(`Shutdown failed: ${String(error)}`);
          process.exit(1);
        },
      );
    });
  }
}

await main();
