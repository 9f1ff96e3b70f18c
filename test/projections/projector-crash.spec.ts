import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { actualCounts, createEventCountTable, expectedCounts } from '../support/event-count.projection.ts';
import { concurrentWriters, eventually, projectionTestBed, type ProjectionTestBed } from '../support/projection-harness.ts';

/** `npm test` compiles everything into dist/ first, so the projector runs as a real, killable process. */
const PROJECTOR = join(process.cwd(), 'dist/test/support/projector-process.js');

function startProjector(url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [PROJECTOR], { env: { ...process.env, PROJECTOR_DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.once('data', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`projector exited early with ${code}`)));
  });
}

describe('a projector killed mid-batch (SIGKILL), repeatedly, while writers append', () => {
  let bed: ProjectionTestBed;

  beforeAll(async () => {
    bed = await projectionTestBed();
    await createEventCountTable(bed.pool);
  });
  afterAll(() => bed.close());

  it('resumes exactly where it was: no event lost, none applied twice', async () => {
    let writing = true;
    const writers = (async () => {
      while (writing) await concurrentWriters(bed.store, 4, 3, 25);
    })();
    const kills: number[] = [];
    for (let round = 0; round < 6; round++) {
      const projector = await startProjector(bed.database.url);
      await new Promise((resolve) => setTimeout(resolve, 150 + round * 40));
      // A slow start (a loaded machine) gets until this projector has moved the checkpoint, then the kill.
      const checkpoint = async () => Number((await bed.pool.query("SELECT position FROM projection_checkpoints WHERE name = 'event_count'")).rows[0]?.position ?? 0);
      await eventually(async () => (await checkpoint()) !== (kills.at(-1) ?? 0), 30_000);
      kills.push(await checkpoint());
      projector.kill('SIGKILL');
      await new Promise((resolve) => projector.once('exit', resolve));
    }
    writing = false;
    await writers;

    const final = await startProjector(bed.database.url);
    try {
      const expected = await expectedCounts(bed.pool);
      await eventually(async () => JSON.stringify(await actualCounts(bed.pool)) === JSON.stringify(expected), 30_000);
      const actual = await actualCounts(bed.pool);
      expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
      for (const [stream, counts] of Object.entries(expected)) expect(actual[stream]).toEqual(counts);
      expect(Object.values(expected).reduce((sum, row) => sum + row.events, 0)).toBeGreaterThan(1000);
      expect(new Set(kills).size).toBeGreaterThan(1); // the projector really made progress between kills
    } finally {
      final.kill('SIGKILL');
    }
  });
});
