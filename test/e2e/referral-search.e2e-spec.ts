import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, startTestApp, type TestApp } from '../support/test-app.ts';

/** More referrals than a name search walks newest first (50,000) before it asks the trigram index. */
const REFERRALS = 50_200;

/**
 * Every name of the list, the newest first: most are unique, one in 97 is a common name, and a rare one
 * and a cluster are found only among the oldest, beyond the walk.
 */
const NAME_OF_EACH = `CASE
  WHEN i % 97 = 0 THEN 'Common Walker'
  WHEN i >= ${REFERRALS - 3} THEN 'Rare Oldname'
  WHEN i >= ${REFERRALS - 150} AND i % 2 = 0 THEN 'Tail Cluster ' || i
  ELSE 'Person ' || i END`;

describe('victim name search over more referrals than it walks (real app, rows written straight to the read model)', () => {
  let harness: TestApp;
  let supervisor: string;

  beforeAll(async () => {
    harness = await startTestApp();
    supervisor = await bearer(['supervisor']);
    await harness.sql(`
      INSERT INTO referral_list (id, status, source, crime_type_id, victim_name, enhanced, unable_to_contact, received_at, revision, updated_at, state)
      SELECT gen_random_uuid(), 'received', 'self', 'theft', ${NAME_OF_EACH}, false, false, now() - i * interval '1 minute', 0, now(), '{}'
        FROM generate_series(0, ${REFERRALS - 1}) AS i`);
    await harness.sql('ANALYZE referral_list');
  }, 120_000);
  afterAll(() => harness.close());

  /** Every page of the search, followed by its cursor. */
  async function searchAll(q: string, limit: number): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const response = await harness.request({ method: 'GET', url: `/api/referrals?q=${encodeURIComponent(q)}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, headers: { authorization: supervisor } });
      expect(response.statusCode).toBe(200);
      const page = response.json<{ items: { id: string }[]; nextCursor: string | null }>();
      ids.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    }
    return ids;
  }

  const newestFirst = async (pattern: string) =>
    (await harness.sql<{ id: string }>('SELECT id FROM referral_list WHERE victim_name ILIKE $1 ORDER BY received_at DESC, id DESC', [pattern])).map((row) => row.id);

  it('pages a common name newest first, across the end of the walk, missing none and repeating none', async () => {
    const expected = await newestFirst('%common walker%');
    expect(expected.length).toBeGreaterThan(500);
    expect(await searchAll('common walker', 200)).toEqual(expected);
    expect(await searchAll('walker', 50)).toEqual(expected);
  }, 60_000);

  it('finds names held only by referrals older than the walk reaches, a page at a time', async () => {
    expect(await searchAll('rare oldname', 50)).toEqual(await newestFirst('%rare oldname%'));
    const cluster = await newestFirst('%tail cluster%');
    expect(cluster.length).toBeGreaterThan(60);
    expect(await searchAll('tail cluster', 20)).toEqual(cluster);
  }, 60_000);
});
