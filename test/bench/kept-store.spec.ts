import { randomInt } from 'node:crypto';
import { withClient } from '../../bench/bench-server.ts';
import { keptStore } from '../../bench/scale/kept-store.ts';
import type { ScaleSizes } from '../../bench/scale/scale-sizes.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';

const KEEP = { BENCH_KEEP_STORE: '1' };
const SECRETS = { MASTER_KEY: 'a-master-key', AUTH_JWT_SECRET: 'a-jwt-secret' };
// Sizes of this run's own, so that no store a bench kept on the same server is taken or replaced.
const sizes: ScaleSizes = { referrals: randomInt(1_000_000_000), complaints: 2, resolutions: 3, caseManagers: 4, historyDays: 5 };

describe('the scale suite’s kept store', () => {
  const databases: TestDatabase[] = [];
  const fresh = async () => {
    const database = await createTestDatabase();
    databases.push(database);
    return database;
  };

  afterAll(async () => {
    const kept = keptStore(databases[0]!.url, sizes, KEEP)!.name;
    await withClient(process.env.CASEWORK_TEST_SERVER_URL!, (client) => client.query(`DROP DATABASE IF EXISTS "${kept}" WITH (FORCE)`));
    await Promise.all(databases.map((database) => database.drop()));
  });

  it('is nothing unless BENCH_KEEP_STORE=1', async () => {
    expect(keptStore((await fresh()).url, sizes, {})).toBeUndefined();
  });

  it('restores nothing before a store of those sizes is kept', async () => {
    expect(await keptStore((await fresh()).url, sizes, KEEP)!.restore()).toBeUndefined();
  });

  it('gives a later run of the same sizes a copy of the generated store and the secrets it was written under', async () => {
    const generated = await fresh();
    await withClient(generated.url, (client) => client.query("CREATE TABLE events (stream text); INSERT INTO events VALUES ('referral-1')"));
    await keptStore(generated.url, sizes, KEEP)!.keep(SECRETS);

    const later = await fresh();
    expect(await keptStore(later.url, sizes, KEEP)!.restore()).toEqual(SECRETS);
    const { rows } = await withClient(later.url, (client) => client.query<{ stream: string }>('SELECT stream FROM events'));
    expect(rows).toEqual([{ stream: 'referral-1' }]);

    // The copy is the run's own: what it changes never reaches the kept store.
    await withClient(later.url, (client) => client.query('DELETE FROM events'));
    const another = await fresh();
    await keptStore(another.url, sizes, KEEP)!.restore();
    expect((await withClient(another.url, (client) => client.query('SELECT count(*)::int AS count FROM events'))).rows).toEqual([{ count: 1 }]);
  });

  it('restores nothing for other sizes', async () => {
    expect(await keptStore((await fresh()).url, { ...sizes, complaints: 99 }, KEEP)!.restore()).toBeUndefined();
  });
});

