import { rm } from 'node:fs/promises';

export default async function globalTeardown(): Promise<void> {
  await Promise.all(
    (globalThis.embeddedTestPostgres ?? []).map(async (server) => {
      await server.stop();
      await rm(server.dataDir, { recursive: true, force: true });
    }),
  );
}
