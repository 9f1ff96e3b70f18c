import { describe, expect, it } from '@jest/globals';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatedSecretFile, jwtSecretKeptWithData, resolveJwtSecret } from './jwt-secret.ts';

const folder = () => mkdtemp(join(tmpdir(), 'casework-jwt-secret-'));

describe('the token-signing secret: from outside the data for a deployment', () => {
  it('reads AUTH_JWT_SECRET_FILE, refusing one too short, and warns only about a secret generated into DATA_DIR', async () => {
    const [secrets, dataDir] = [await folder(), await folder()];
    await writeFile(join(secrets, 'jwt'), 'a-secret-of-forty-characters-for-hs256-x\n');
    await writeFile(join(secrets, 'short'), 'too short');
    expect(await resolveJwtSecret({ AUTH_JWT_SECRET_FILE: join(secrets, 'jwt'), DATA_DIR: dataDir })).toBe('a-secret-of-forty-characters-for-hs256-x');
    await expect(resolveJwtSecret({ AUTH_JWT_SECRET_FILE: join(secrets, 'short'), DATA_DIR: dataDir })).rejects.toThrow(/^Invalid configuration: AUTH_JWT_SECRET_FILE must hold at least 32 characters$/);
    expect(jwtSecretKeptWithData({ AUTH_JWT_SECRET_FILE: join(secrets, 'jwt'), DATA_DIR: dataDir })).toBeUndefined();
    expect(jwtSecretKeptWithData({ AUTH_JWKS_URL: 'https://idp.example/jwks', DATA_DIR: dataDir })).toBeUndefined();
    expect(jwtSecretKeptWithData({ DATA_DIR: dataDir })).toContain(generatedSecretFile(dataDir));
  });
});
