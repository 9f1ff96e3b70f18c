import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { InvalidConfig, isMasterKey, type AppConfig } from '../config/config.schema.ts';
import { readSecretFile } from '../config/secret-file.ts';

export const MASTER_KEY_BYTES = 32;

type MasterKeyConfig = Pick<AppConfig, 'MASTER_KEY' | 'MASTER_KEY_FILE' | 'DATA_DIR'>;

/** Where the embedded default keeps the master key it generated: lose it and every personal field is unreadable. */
export const generatedMasterKeyFile = (dataDir: string) => join(resolve(dataDir), 'master-key');

/** MASTER_KEY (base64, 32 bytes) when set, else the file MASTER_KEY_FILE names; otherwise the key generated once into DATA_DIR. */
export async function resolveMasterKey(config: MasterKeyConfig): Promise<Buffer> {
  if (config.MASTER_KEY) return Buffer.from(config.MASTER_KEY, 'base64');
  if (config.MASTER_KEY_FILE) {
    const key = await readSecretFile('MASTER_KEY_FILE', config.MASTER_KEY_FILE);
    if (!isMasterKey(key)) throw new InvalidConfig('Invalid configuration: MASTER_KEY_FILE must hold 32 bytes in base64');
    return Buffer.from(key, 'base64');
  }
  const file = generatedMasterKeyFile(config.DATA_DIR);
  if (existsSync(file)) return Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
  await mkdir(resolve(config.DATA_DIR), { recursive: true });
  const key = randomBytes(MASTER_KEY_BYTES);
  await writeFile(file, `${key.toString('base64')}\n`, { mode: 0o600 });
  return key;
}

/** The warning for a start whose master key is the one generated beside its data; none when it comes from elsewhere. */
export function masterKeyKeptWithData(config: MasterKeyConfig): string | undefined {
  if (config.MASTER_KEY || config.MASTER_KEY_FILE) return undefined;
  return `The master key is kept with the data it protects (${generatedMasterKeyFile(config.DATA_DIR)}): a copy of DATA_DIR decrypts every data subject, even those erased after the copy. Fine for a trial; a deployment sets MASTER_KEY_FILE (outside DATA_DIR) or MASTER_KEY`;
}
