import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { ChangeFeedTriggers1763800300500 } from '../database/1763800300500-change-feed-triggers.ts';
import { ChangeFeed } from '../database/change-feed.ts';
import { EventStore1763800000000 } from '../event-store/postgres/1763800000000-event-store.ts';
import { DataSubjectKeys1763800006000 } from './1763800006000-data-subject-keys.ts';
import { SUBJECT_KEY_CHANGED, SubjectKeys } from './subject-keys.ts';

describe('SubjectKeys on PostgreSQL', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let keys: SubjectKeys;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new pg.Pool({ connectionString: database.url, max: 8 });
    const runner = { query: (sql: string) => pool.query(sql) } as never;
    for (const migration of [new EventStore1763800000000(), new DataSubjectKeys1763800006000(), new ChangeFeedTriggers1763800300500()]) await migration.up(runner);
    keys = new SubjectKeys(pool, randomBytes(32));
  });

  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  const keyOf = async (subject: string, create = false) => (await keys.keysFor([subject], create)).get(subject);

  it('gives every concurrent writer of a new subject the one key that was stored', async () => {
    const subject = `victim-${randomUUID()}`;
    const answers = await Promise.all(Array.from({ length: 50 }, () => keyOf(subject, true)));
    const stored = await keyOf(subject);
    expect(stored?.state).toBe('active');
    for (const answer of answers) expect(answer).toEqual(stored);
    const { rows } = await pool.query('SELECT count(*)::int AS count FROM data_subject_keys WHERE subject_id = $1', [subject]);
    expect(rows[0].count).toBe(1);
  });

  it('shares one query among lookups made while another is in flight', async () => {
    const subjects = Array.from({ length: 40 }, () => `victim-${randomUUID()}`);
    await keys.keysFor(subjects, true);
    const spy = jest.spyOn(pool, 'query');
    const answers = await Promise.all(subjects.map((subject) => keyOf(subject)));
    expect(answers.every((answer) => answer?.state === 'active')).toBe(true);
    expect(spy.mock.calls.length).toBeLessThanOrEqual(2);
    spy.mockRestore();
  });

  it('answers erased to every lookup made after the erasure, even while older lookups are in flight', async () => {
    const subject = `complainant-${randomUUID()}`;
    await keyOf(subject, true);
    const older = Array.from({ length: 20 }, () => keyOf(subject));
    await keys.erase(subject);
    const after = Array.from({ length: 20 }, () => keyOf(subject));
    await Promise.all(older);
    for (const answer of await Promise.all(after)) expect(answer?.state).toBe('erased');
    expect((await keyOf(subject, true))?.state).toBe('erased');
  });

  it('knows nothing of a subject it never keyed unless asked to create', async () => {
    expect(await keyOf(`offender-${randomUUID()}`)).toBeUndefined();
  });

  describe('kept in the process while a change feed follows the table', () => {
    const masterKey = randomBytes(32);
    const instances: { pool: pg.Pool; feed: ChangeFeed; keys: SubjectKeys }[] = [];
    /** As two service processes on one database would hold them. */
    const instance = async () => {
      const ownPool = new pg.Pool({ connectionString: database.url, max: 4 });
      const feed = new ChangeFeed(ownPool.options);
      const listening = new Promise<void>((resolve) => feed.onChange((topic) => topic === undefined && feed.live && resolve()));
      const started = { pool: ownPool, feed, keys: new SubjectKeys(ownPool, masterKey, feed) };
      instances.push(started);
      await listening;
      return started;
    };
    const heard = (feed: ChangeFeed, subject: string) => new Promise<void>((resolve) => feed.onChange((topic, key) => topic === SUBJECT_KEY_CHANGED && key === subject && resolve()));

    afterAll(async () => {
      for (const { feed, pool: ownPool } of instances) {
        await feed.close();
        await ownPool.end();
      }
    });

    it('answers a key it holds without a query, and no longer once another process erased the subject', async () => {
      const [writer, reader] = [await instance(), await instance()];
      const subject = `victim-${randomUUID()}`;
      const created = (await writer.keys.keysFor([subject], true)).get(subject);
      expect((await reader.keys.keysFor([subject], false)).get(subject)).toEqual(created);
      const queries = jest.spyOn(reader.pool, 'query');
      expect((await reader.keys.keysFor([subject], false)).get(subject)).toEqual(created);
      expect(queries).not.toHaveBeenCalled();

      const erasureHeard = heard(reader.feed, subject);
      expect(await writer.keys.erase(subject)).toBe(1);
      await erasureHeard;
      expect((await reader.keys.keysFor([subject], false)).get(subject)).toEqual({ state: 'erased' });
      expect(queries).toHaveBeenCalledTimes(1);
      queries.mockRestore();
      expect((await writer.keys.keysFor([subject], false)).get(subject)).toEqual({ state: 'erased' });
    });

    it('follows a restriction made by another process, and its lifting', async () => {
      const [writer, reader] = [await instance(), await instance()];
      const subject = `complainant-${randomUUID()}`;
      await writer.keys.keysFor([subject], true);
      expect(await reader.keys.restrictedAmong([subject])).toEqual([]);
      for (const restricted of [true, false]) {
        const restrictionHeard = heard(reader.feed, subject);
        await writer.keys.restrict(subject, restricted);
        await restrictionHeard;
        expect(await reader.keys.restrictedAmong([subject])).toEqual(restricted ? [subject] : []);
      }
    });

    it('keeps nothing while its feed is not listening: every lookup reads the table', async () => {
      const { feed, keys: stopped, pool: ownPool } = await instance();
      await feed.close();
      const subject = `witness-${randomUUID()}`;
      await stopped.keysFor([subject], true);
      const queries = jest.spyOn(ownPool, 'query');
      await stopped.keysFor([subject], false);
      expect(queries).toHaveBeenCalledTimes(1);
      queries.mockRestore();
    });
  });
});
