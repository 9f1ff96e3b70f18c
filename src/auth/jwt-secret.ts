import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { AppConfig } from '../config/config.schema.ts';

/** Where the embedded default keeps the HS256 secret it generated, so tokens survive a restart. */
export const generatedSecretFile = (dataDir: string) => join(resolve(dataDir), 'auth-jwt-secret');

/**
 * AUTH_JWT_SECRET when set; otherwise the secret generated once into DATA_DIR. Undefined when
 * tokens are verified against AUTH_JWKS_URL instead.
 */
export async function resolveJwtSecret(config: Pick<AppConfig, 'AUTH_JWT_SECRET' | 'AUTH_JWKS_URL' | 'DATA_DIR'>): Promise<string | undefined> {
  if (config.AUTH_JWT_SECRET) return config.AUTH_JWT_SECRET;
  if (config.AUTH_JWKS_URL) return undefined;
  const file = generatedSecretFile(config.DATA_DIR);
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(resolve(config.DATA_DIR), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}
