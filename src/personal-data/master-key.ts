import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AppConfig } from '../config/config.schema.ts';

export const MASTER_KEY_BYTES = 32;

/** Where the embedded default keeps the master key it generated: lose it and every personal field is unreadable. */
export const generatedMasterKeyFile = (dataDir: string) => join(resolve(dataDir), 'master-key');

/** MASTER_KEY (base64, 32 bytes) when set; otherwise the key generated once into DATA_DIR. */
export async function resolveMasterKey(config: Pick<AppConfig, 'MASTER_KEY' | 'DATA_DIR'>): Promise<Buffer> {
  if (config.MASTER_KEY) return Buffer.from(config.MASTER_KEY, 'base64');
  const file = generatedMasterKeyFile(config.DATA_DIR);
  if (existsSync(file)) return Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
  await mkdir(resolve(config.DATA_DIR), { recursive: true });
  const key = randomBytes(MASTER_KEY_BYTES);
  await writeFile(file, `${key.toString('base64')}\n`, { mode: 0o600 });
  return key;
}
