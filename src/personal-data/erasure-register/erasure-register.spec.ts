import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { appendFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErasureRegister, erasureRegisterPath, type ErasureEntry } from './erasure-register.ts';

describe('the erasure register file', () => {
  let folder: string;
  beforeAll(async () => (folder = await mkdtemp(join(tmpdir(), 'erasure-register-'))));
  afterAll(() => rm(folder, { recursive: true, force: true }));

  const entry = (subjectId: string): ErasureEntry => ({ subjectId, erasedAt: '2026-03-02T10:00:00.000Z', ground: 'art17-objection', requestReference: 'SAR-1', requestId: 'r-1' });

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

  it('reads a line written with a free-text reason as the erasure records of then read: no ground, the reason kept only as a reference', async () => {
    const register = new ErasureRegister(join(folder, 'older', 'register.jsonl'));
    await register.record(entry('s-0'));
    const older = (subjectId: string, reason: string) => `${JSON.stringify({ subjectId, erasedAt: '2026-01-02T10:00:00.000Z', reason, requestId: 'r-0' })}\n`;
    await appendFile(register.path, older('s-1', 'DSAR-2025-0099') + older('s-2', 'Asked by Jane Smith to be forgotten'));
    expect(await register.entries()).toEqual([
      entry('s-0'),
      { subjectId: 's-1', erasedAt: '2026-01-02T10:00:00.000Z', ground: 'not-recorded', requestReference: 'DSAR-2025-0099', requestId: 'r-0' },
      { subjectId: 's-2', erasedAt: '2026-01-02T10:00:00.000Z', ground: 'not-recorded', requestReference: null, requestId: 'r-0' },
    ]);
  });
});
