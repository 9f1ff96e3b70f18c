import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { migrateDatabase } from '../../src/database/data-source.ts';
import type { NewEvent } from '../../src/event-store/event-store.port.ts';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store.ts';
import { READERS_MAY_WAIT_MS } from '../../src/event-store/readers-may-wait.ts';
import { things } from '../support/projection-harness.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

/** PostgreSQL-only: concurrent commands share statements, and each still gets its own outcome. */
describe('PostgreSQL event store: shared statements', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let store: PostgresEventStore;
  let statements: string[];
  /** The positions each NOTIFY announced (its payload's last word). */
  let announced: bigint[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    await migrateDatabase(database.url);
    pool = new pg.Pool({ connectionString: database.url, max: 8 });
    const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
    pool.query = ((...args: unknown[]) => {
      const config = args[0] as string | { name?: string; text: string };
      statements.push(typeof config === 'string' ? config : (config.name ?? config.text));
      if (typeof config === 'string' && config.includes('pg_notify')) announced.push(BigInt(String((args[1] as string[])[1]).split(' ')[1]));
      return query(...args);
    }) as typeof pool.query;
    store = new PostgresEventStore(pool);
  });
  afterAll(async () => {
    await store.close();
    await pool.end();
    await database.drop();
  });

  const counted = async <T>(work: () => Promise<T>): Promise<{ result: T; used: string[] }> => {
    statements = [];
    const result = await work();
    return { result, used: statements };
  };

  it('50 concurrent appends to distinct streams are written by at most two statements', async () => {
    const streams = Array.from({ length: 50 }, () => `batch-${randomUUID()}`);
    const { result, used } = await counted(() => Promise.all(streams.map((stream) => store.append(stream, things(2), 'no_stream'))));
    expect(used.filter((name) => name === 'casework-append').length).toBeLessThanOrEqual(2);
    expect(result.every((appended) => appended.revision === 1)).toBe(true);
    expect(new Set(result.map((appended) => appended.position)).size).toBe(50);
  });

  it('50 concurrent forward reads share at most two queries, each answered with its own stream from its own revision', async () => {
    const streams = Array.from({ length: 50 }, () => `read-${randomUUID()}`);
    await Promise.all(streams.map((stream, index) => store.append(stream, things(1 + (index % 4)), 'no_stream')));
    const { result, used } = await counted(() =>
      Promise.all([...streams.map((stream) => store.readStream(stream)), store.readStream('read-none'), store.readStream(streams[3]!, { from: 2 })]),
    );
    expect(used.length).toBeLessThanOrEqual(2);
    streams.forEach((stream, index) => {
      expect(result[index]!.map((event) => [event.stream, event.revision])).toEqual(Array.from({ length: 1 + (index % 4) }, (_, revision) => [stream, revision]));
    });
    expect(result.at(-2)).toEqual([]);
    expect(result.at(-1)!.map((event) => event.revision)).toEqual([2, 3]);
  });

  it("concurrent reads of streams' last events share a query", async () => {
    const streams = Array.from({ length: 20 }, () => `tip-${randomUUID()}`);
    await Promise.all(streams.map((stream, index) => store.append(stream, things(1 + (index % 3)), 'no_stream')));
    const { result, used } = await counted(() => Promise.all([...streams, 'tip-none'].map((stream) => store.readStream(stream, { direction: 'backwards', maxCount: 1 }))));
    expect(used.length).toBeLessThanOrEqual(2);
    streams.forEach((stream, index) => expect(result[index]!.map((event) => [event.stream, event.revision])).toEqual([[stream, index % 3]]));
    expect(result.at(-1)).toEqual([]);
  });

  it('wakes readers of a busy moment of appends that may wait once, a moment later, and announces them in one NOTIFY', async () => {
    const heard: bigint[] = [];
    const stop = store.onAppended((position) => position !== undefined && heard.push(position));
    announced = [];
    const { result } = await counted(async () => {
      const appended = [];
      for (let index = 0; index < 5; index++) appended.push(await store.append(`wait-${randomUUID()}`, things(1), 'no_stream', { readersMayWait: true }));
      expect(heard).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, READERS_MAY_WAIT_MS * 2));
      return appended;
    });
    stop();
    // An earlier test's appends may still be announced meanwhile: only announcements of these appends count.
    const ours = announced.filter((position) => position >= result[0]!.position);
    expect({ heard, ours }).toEqual({ heard: [result.at(-1)!.position], ours: [result.at(-1)!.position] });
  });

  it('an event id stored in another stream fails only the append that reuses it', async () => {
    const taken = things(1);
    await store.append(`taken-${randomUUID()}`, taken, 'no_stream');
    const others = Array.from({ length: 5 }, () => `other-${randomUUID()}`);
    const outcomes = await Promise.allSettled([store.append(`reuse-${randomUUID()}`, taken, 'no_stream'), ...others.map((stream) => store.append(stream, things(1), 'no_stream'))]);
    expect(outcomes[0]).toMatchObject({ status: 'rejected', reason: { name: 'DuplicateEventId' } });
    expect(outcomes.slice(1).every((outcome) => outcome.status === 'fulfilled')).toBe(true);
    for (const stream of others) expect(await store.readStream(stream)).toHaveLength(1);
  });

  it.each([
    ['data', (event: NewEvent): NewEvent => ({ ...event, data: { note: 'a NUL \u0000 byte' } })],
    ['metadata', (event: NewEvent): NewEvent => ({ ...event, metadata: { ...event.metadata, correlationId: 'a NUL \u0000 byte' } })],
  ])('a value PostgreSQL refuses in one append\'s %s fails only that append, not those sharing its statement', async (_, spoil) => {
    const good = Array.from({ length: 5 }, () => `good-${randomUUID()}`);
    const { result: outcomes, used } = await counted(() =>
      Promise.allSettled([store.append(`bad-${randomUUID()}`, things(1).map(spoil), 'no_stream'), ...good.map((stream) => store.append(stream, things(1), 'no_stream'))]),
    );
    expect(used[0]).toBe('casework-append');
    expect(outcomes[0]).toMatchObject({ status: 'rejected', reason: { code: '22P05' } });
    expect(outcomes.slice(1).map((outcome) => outcome.status)).toEqual(good.map(() => 'fulfilled'));
    for (const stream of good) expect(await store.readStream(stream)).toHaveLength(1);
  });
});
