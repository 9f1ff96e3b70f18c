import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { InvalidConfig, type AppConfig } from '../config/config.schema.ts';
import { readSecretFile } from '../config/secret-file.ts';

type JwtSecretConfig = Pick<AppConfig, 'AUTH_JWT_SECRET' | 'AUTH_JWT_SECRET_FILE' | 'AUTH_JWKS_URL' | 'DATA_DIR'>;

/** The shortest secret accepted, as for AUTH_JWT_SECRET. */
const MIN_SECRET_LENGTH = 32;

/** Where the embedded default keeps the HS256 secret it generated, so tokens survive a restart. */
export const generatedSecretFile = (dataDir: string) => join(resolve(dataDir), 'auth-jwt-secret');

/**
 * AUTH_JWT_SECRET when set, else the file AUTH_JWT_SECRET_FILE names; otherwise the secret generated once into
 * DATA_DIR. Undefined when tokens are verified against AUTH_JWKS_URL instead.
 */
export async function resolveJwtSecret(config: JwtSecretConfig): Promise<string | undefined> {
  if (config.AUTH_JWT_SECRET) return config.AUTH_JWT_SECRET;
  if (config.AUTH_JWT_SECRET_FILE) {
    const secret = await readSecretFile('AUTH_JWT_SECRET_FILE', config.AUTH_JWT_SECRET_FILE);
    if (secret.length < MIN_SECRET_LENGTH) throw new InvalidConfig(`Invalid configuration: AUTH_JWT_SECRET_FILE must hold at least ${MIN_SECRET_LENGTH} characters`);
    return secret;
  }
  if (config.AUTH_JWKS_URL) return undefined;
  const file = generatedSecretFile(config.DATA_DIR);
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(resolve(config.DATA_DIR), { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** The warning for a start whose token-signing secret is the one generated beside its data; none otherwise. */
export function jwtSecretKeptWithData(config: JwtSecretConfig): string | undefined {
  if (config.AUTH_JWT_SECRET || config.AUTH_JWT_SECRET_FILE || config.AUTH_JWKS_URL) return undefined;
  return `The token-signing secret is kept with the data (${generatedSecretFile(config.DATA_DIR)}): a copy of DATA_DIR mints tokens of any role. Fine for a trial; a deployment sets AUTH_JWT_SECRET_FILE (outside DATA_DIR), AUTH_JWT_SECRET or AUTH_JWKS_URL`;
}
