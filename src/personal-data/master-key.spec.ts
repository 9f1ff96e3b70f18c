import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidConfig } from '../config/config.schema.ts';
import { generatedMasterKeyFile, masterKeyKeptWithData, resolveMasterKey } from './master-key.ts';

const folder = () => mkdtemp(join(tmpdir(), 'casework-master-key-'));

describe('the master key: from outside the data for a deployment, generated beside it only by the embedded default', () => {
  it('reads MASTER_KEY_FILE and writes nothing into DATA_DIR, with no warning', async () => {
    const [secrets, dataDir] = [await folder(), await folder()];
    const key = randomBytes(32);
    await writeFile(join(secrets, 'master-key'), `${key.toString('base64')}\n`);
    const config = { MASTER_KEY_FILE: join(secrets, 'master-key'), DATA_DIR: dataDir };
    expect((await resolveMasterKey(config)).equals(key)).toBe(true);
    expect(existsSync(generatedMasterKeyFile(dataDir))).toBe(false);
    expect(masterKeyKeptWithData(config)).toBeUndefined();
  });

  it('stops in one line on a key file that is missing or holds no key', async () => {
    const secrets = await folder();
    await writeFile(join(secrets, 'short'), randomBytes(16).toString('base64'));
    await expect(resolveMasterKey({ MASTER_KEY_FILE: join(secrets, 'missing'), DATA_DIR: secrets })).rejects.toThrow(new InvalidConfig('Invalid configuration: MASTER_KEY_FILE cannot be read (ENOENT)'));
    await expect(resolveMasterKey({ MASTER_KEY_FILE: join(secrets, 'short'), DATA_DIR: secrets })).rejects.toThrow(/^Invalid configuration: MASTER_KEY_FILE must hold 32 bytes in base64$/);
  });

  it('generates one into DATA_DIR when none is configured, keeps it across starts, and warns that it sits with its data', async () => {
    const dataDir = await folder();
    const first = await resolveMasterKey({ DATA_DIR: dataDir });
    expect((await resolveMasterKey({ DATA_DIR: dataDir })).equals(first)).toBe(true);
    expect(masterKeyKeptWithData({ DATA_DIR: dataDir })).toContain(generatedMasterKeyFile(dataDir));
    expect(masterKeyKeptWithData({ MASTER_KEY: first.toString('base64'), DATA_DIR: dataDir })).toBeUndefined();
  });
});
