import { describe, expect, it, jest } from '@jest/globals';
import type { Pool } from 'pg';
import { createEventCatalog } from '../../src/event-store/known-events.ts';
import type { EventStore, JsonObject, RecordedEvent } from '../../src/event-store/event-store.port.ts';
import { foldBatch } from './apply-batch.ts';
import type { Projection, ReadModelRow } from './projection.ts';

const catalog = createEventCatalog();
const metadata = { actor: { sub: 'admin', roles: ['admin'] }, correlationId: 'c', causationId: 'c' };
const recorded = (position: number, stream: string, type: string, data: JsonObject): RecordedEvent => ({
  id: `e${position}`,
  stream,
  revision: 0,
  position: BigInt(position),
  recordedAt: new Date('2026-03-02T10:00:00Z'),
  type,
  schemaVersion: 1,
  data,
  metadata,
});
const held = (position: number, caseId: string) => recorded(position, `legal-hold-${caseId}`, 'LegalHoldPlaced', { caseId, by: 'sup', at: '2026-03-02T10:00:00.000Z', reason: 'litigation' });
const erased = (position: number, subjectId: string) => recorded(position, `data-subject-${subjectId}`, 'PersonalDataErased', { subjectId, reason: 'asked', erasedAt: '2026-03-02T10:00:00.000Z' });

/** Counts a case's holds: enough to see each row folded again from its stream. */
const holds: Projection = {
  name: 'holds',
  version: 1,
  table: 'holds',
  eventTypes: ['LegalHoldPlaced'],
  holdsPersonalData: true,
  rowIdOf: (event) => (event.data as { caseId: string }).caseId,
  evolve: (row, event) => ({ id: (event.data as { caseId: string }).caseId, count: ((row?.count as number) ?? 0) + 1 }),
};

/** Case c1 holds subjects s1 and s2; its stream holds one event. No other row is stored. */
function sources() {
  const queries: unknown[][] = [];
  const queryable = {
    query: async (text: string, values: unknown[]) => {
      if (!text.includes('subject_ids')) return { rows: [] };
      queries.push(values);
      return { rows: [{ id: 'c1', streams: ['legal-hold-c1'] }] };
    },
  } as unknown as Pool;
  const readStream = jest.fn(async () => [held(1, 'c1')]);
  return { queries, queryable, readStream, source: { readStream } as unknown as EventStore };
}

describe('folding a batch', () => {
  it('folds the rows of subjects decided one after another again once, at the last decision', async () => {
    const { queries, queryable, readStream, source } = sources();
    const rows = await foldBatch(queryable, holds, 'holds', [erased(10, 's1'), erased(11, 's2')], { catalog, source });
    expect(queries).toEqual([[['s1', 's2']]]);
    expect(readStream).toHaveBeenCalledTimes(1);
    expect((rows.get('c1') as ReadModelRow).count).toBe(1);
  });

  it('folds them again at each decision when an event of the projection lies between', async () => {
    const { queries, queryable, readStream, source } = sources();
    await foldBatch(queryable, holds, 'holds', [erased(10, 's1'), held(11, 'c2'), erased(12, 's2')], { catalog, source });
    expect(queries).toEqual([[['s1']], [['s2']]]);
    expect(readStream).toHaveBeenCalledTimes(2);
  });
});
