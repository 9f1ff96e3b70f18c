import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { DataSubjectKeys1763800006000 } from './1763800006000-data-subject-keys.ts';
import { SubjectKeys } from './subject-keys.ts';

describe('SubjectKeys on PostgreSQL', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let keys: SubjectKeys;

  beforeAll(async () => {
    database = await createTestDatabase();
    pool = new pg.Pool({ connectionString: database.url, max: 8 });
    await new DataSubjectKeys1763800006000().up({ query: (sql: string) => pool.query(sql) } as never);
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
});
