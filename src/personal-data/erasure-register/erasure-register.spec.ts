import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { appendFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErasureRegister, erasureRegisterPath } from './erasure-register.ts';

describe('the erasure register file', () => {
  let folder: string;
  beforeAll(async () => (folder = await mkdtemp(join(tmpdir(), 'erasure-register-'))));
  afterAll(() => rm(folder, { recursive: true, force: true }));

  const entry = (subjectId: string) => ({ subjectId, erasedAt: '2026-03-02T10:00:00.000Z', reason: 'SAR-1', requestId: 'r-1' });

  it('lives in DATA_DIR unless a path is configured', () => {
    expect(erasureRegisterPath({ DATA_DIR: '/srv/casework', ERASURE_REGISTER_PATH: undefined })).toBe('/srv/casework/erasure-register.jsonl');
    expect(erasureRegisterPath({ DATA_DIR: '/srv/casework', ERASURE_REGISTER_PATH: '/backups/erasures.jsonl' })).toBe('/backups/erasures.jsonl');
  });

  it('is empty before the first erasure', async () => {
    expect(await new ErasureRegister(join(folder, 'none', 'register.jsonl')).entries()).toEqual([]);
  });

  it('keeps every erasure in order, readable by its owner only, and leaves out a line a crash cut short, starting the next on a line of its own; a batch is written at once', async () => {
    const register = new ErasureRegister(join(folder, 'nested', 'register.jsonl'));
    await register.record(entry('s-1'));
    await register.record(entry('s-2'));
    await appendFile(register.path, '{"subjectId":"s-3","erasedAt');
    expect(await register.entries()).toEqual([entry('s-1'), entry('s-2')]);
    await register.record(entry('s-4'), entry('s-5'));
    await register.record();
    expect(await register.entries()).toEqual([entry('s-1'), entry('s-2'), entry('s-4'), entry('s-5')]);
    expect((await stat(register.path)).mode & 0o777).toBe(0o600);
  });
});
