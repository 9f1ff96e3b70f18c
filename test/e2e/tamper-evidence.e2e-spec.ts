import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { eventHash } from '../../src/event-store/integrity/event-hash.ts';
import { bearer, startTestApp, type TestApp } from '../support/test-app.ts';

/** Changes made to stored history behind the service's back are caught by verify. */
describe('tamper evidence over HTTP', () => {
  let harness: TestApp;
  let caseManager: string;
  let auditor: string;

  beforeAll(async () => {
    harness = await startTestApp();
    caseManager = await bearer(['case_manager'], 'cm-ann');
    auditor = await bearer(['auditor'], 'aud-ada');
  });
  afterAll(() => harness.close());

  const post = async (url: string, payload: object) => {
    const response = await harness.request({ method: 'POST', url, payload, headers: { authorization: caseManager } });
    expect(response.statusCode).toBeLessThan(300);
    return response.json<{ id: string }>();
  };
  const verify = async (query = '') => (await harness.request({ method: 'GET', url: `/api/audit/verify${query}`, headers: { authorization: auditor } })).json();
  const journey = async () => {
    const { id } = await post('/api/referrals', { source: 'self', crimeType: 'burglary', victim: { name: 'Tess Tamper' }, consent: { contact: true, dataSharing: true, basis: 'implied' } });
    await post(`/api/referrals/${id}/assess`, { needs: ['emotional'], riskLevel: 'standard', priorityGroups: [] });
    await post(`/api/referrals/${id}/decline-support`, { reason: 'no-longer-needed' });
    return id;
  };

  it('verifies an untouched history, for the whole log and for one case', async () => {
    const id = await journey();
    expect(await verify()).toMatchObject({ ok: true, firstBreak: null, unchained: 0, eventsChecked: expect.any(Number) });
    expect(await verify(`?case=${id}`)).toEqual({ ok: true, eventsChecked: 3, streamsChecked: 1, unchained: 0, checkpointsVerified: 0, firstBreak: null });
    expect((await harness.request({ method: 'GET', url: '/api/audit/verify', headers: { authorization: caseManager } })).statusCode).toBe(403);
  });

  it('names the first event whose stored data was changed directly in PostgreSQL', async () => {
    const id = await journey();
    await harness.sql(`UPDATE events SET data = jsonb_set(data, '{reason}', '"wants-to-move-on"') WHERE stream = $1 AND revision = 2`, [`referral-${id}`]);
    const report = await verify();
    expect(report).toMatchObject({ ok: false, firstBreak: { stream: `referral-${id}`, revision: 2, reason: 'content-changed' } });
    expect(await verify(`?case=${id}`)).toMatchObject({ ok: false, firstBreak: { revision: 2, reason: 'content-changed' } });
    await harness.sql(`UPDATE events SET data = jsonb_set(data, '{reason}', '"no-longer-needed"') WHERE stream = $1 AND revision = 2`, [`referral-${id}`]);
    expect(await verify(`?case=${id}`)).toMatchObject({ ok: true });
  });

  it('names a changed event committed while an older transaction still runs, which holds it back from the projectors', async () => {
    // A projector's transaction, or any on the server, begun before the journey: under load this is what hid the change.
    const older = new pg.Client({ connectionString: harness.database.url });
    await older.connect();
    try {
      await older.query('BEGIN');
      await older.query('SELECT pg_current_xact_id()');
      const id = await journey();
      await harness.sql(`UPDATE events SET data = jsonb_set(data, '{reason}', '"wants-to-move-on"') WHERE stream = $1 AND revision = 2`, [`referral-${id}`]);
      expect(await verify()).toMatchObject({ ok: false, firstBreak: { stream: `referral-${id}`, revision: 2, reason: 'content-changed' } });
    } finally {
      await older.query('ROLLBACK');
      await older.end();
    }
  });

  it('catches an event re-hashed after its change: the next event no longer links to it', async () => {
    const rewritten = await journey();
    const stream = `referral-${rewritten}`;
    const [stored] = await harness.sql('SELECT event_id, type, schema_version, data, metadata FROM events WHERE stream = $1 AND revision = 1', [stream]);
    const data = { ...stored.data, riskLevel: 'high' };
    const event = { stream, revision: 1, id: stored.event_id, type: stored.type, schemaVersion: stored.schema_version, data, metadata: stored.metadata };
    const forged = { ...stored.metadata, integrity: { ...stored.metadata.integrity, hash: eventHash(event, stored.metadata.integrity.previous) } };
    await harness.sql('UPDATE events SET data = $2, metadata = $3 WHERE stream = $1 AND revision = 1', [stream, data, forged]);
    expect(await verify(`?case=${rewritten}`)).toMatchObject({ ok: false, firstBreak: { revision: 2, reason: 'chain-broken' } });
  });

  it('catches a deleted event', async () => {

    const deleted = await journey();
    await harness.sql('DELETE FROM events WHERE stream = $1 AND revision = 1', [`referral-${deleted}`]);
    expect(await verify(`?case=${deleted}`)).toMatchObject({ ok: false, firstBreak: { revision: 2, reason: 'revision-missing' } });
  });
});
