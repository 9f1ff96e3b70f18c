import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/app.factory.ts';
import { mintToken } from '../../src/auth/mint-token.ts';
import type { Role } from '../../src/auth/roles.ts';
import { parseConfig } from '../../src/config/config.schema.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

const SECRET = 'end-to-end-tests-secret-of-at-least-32-chars';

export interface TestApp {
  app: NestFastifyApplication;
  database: TestDatabase;
  /** Closes the app and starts a new one on the same database and data folder, as a restart would. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** The real AppModule on a database of its own, driven through Fastify's request injection. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const dataDir = await mkdtemp(join(tmpdir(), 'casework-e2e-'));
  const config = parseConfig({ DATA_DIR: dataDir, AUTH_JWT_SECRET: SECRET, ...env });
  const boot = () => createApp({ config, databaseUrl: database.url, logger: false });
  const harness: TestApp = {
    app: await boot(),
    database,
    async restart() {
      await harness.app.close();
      harness.app = await boot();
    },
    async close() {
      await harness.app.close();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return harness;
}

export function bearer(roles: Role[], sub = 'alice'): Promise<string> {
  return mintToken(SECRET, { sub, roles }).then((token) => `Bearer ${token}`);
}
