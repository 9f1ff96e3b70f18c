import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventHash } from '../../src/event-store/integrity/event-hash.ts';
import { bearer, startTestApp, type TestApp } from '../support/test-app.ts';

/** What per-stream chains alone cannot catch: a forger who recomputes the chain, or cuts a stream short. */
describe('signed checkpoints of the whole log', () => {
  let harness: TestApp;
  let caseManager: string;
  let auditor: string;

  beforeAll(async () => {
    harness = await startTestApp({ INTEGRITY_CHECKPOINT_INTERVAL_MS: '100' });
    caseManager = await bearer(['case_manager'], 'cm-ann');
    auditor = await bearer(['auditor'], 'aud-ada');
  });
  afterAll(() => harness.close());

  const post = async (url: string, payload: object) => (await harness.request({ method: 'POST', url, payload, headers: { authorization: caseManager } })).json();
  const verify = async (query = '') => (await harness.request({ method: 'GET', url: `/api/audit/verify${query}`, headers: { authorization: auditor } })).json();
  const journey = async () => {
    const { id } = await post('/api/referrals', { source: 'self', crimeType: 'burglary', victim: { name: 'Cora Checkpoint' }, consent: { contact: true, dataSharing: true, basis: 'implied' } });
    await post(`/api/referrals/${id}/assess`, { needs: ['emotional'], riskLevel: 'standard', priorityGroups: [] });
    const { position } = await post(`/api/referrals/${id}/decline-support`, { reason: 'no-longer-needed' });
    return { id, stream: `referral-${id}`, position: BigInt(position) };
  };
  const untilCheckpointed = async (position: bigint) => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const rows = await harness.sql('SELECT max(position) AS last FROM integrity_checkpoints');
      if (rows[0].last !== null && BigInt(rows[0].last) >= position) return;
      if (Date.now() > deadline) throw new Error('no checkpoint was taken');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  /** Re-hashes a stream from a revision on, as a forger with database access would. */
  const rechain = async (stream: string, from: number) => {
    const rows = await harness.sql('SELECT revision, event_id, type, schema_version, data, metadata FROM events WHERE stream = $1 AND revision >= $2 ORDER BY revision', [stream, from - 1]);
    let previous: string | null = rows[0].metadata.integrity.hash;
    for (const row of rows.slice(1)) {
      const event = { stream, revision: row.revision, id: row.event_id, type: row.type, schemaVersion: row.schema_version, data: row.data, metadata: row.metadata };
      const hash = eventHash(event, previous);
      await harness.sql('UPDATE events SET metadata = $3 WHERE stream = $1 AND revision = $2', [stream, row.revision, { ...row.metadata, integrity: { previous, hash } }]);
      previous = hash;
    }
  };

  it('verifies the log against its checkpoints', async () => {
    const { position } = await journey();
    await untilCheckpointed(position);
    const report = await verify();
    expect(report).toMatchObject({ ok: true, firstBreak: null });
    expect(report.checkpointsVerified).toBeGreaterThan(0);
  });

  it('catches a change whose stream chain was recomputed, which the chain alone accepts', async () => {
    const { id, stream, position } = await journey();
    await untilCheckpointed(position);
    await harness.sql(`UPDATE events SET data = jsonb_set(data, '{riskLevel}', '"high"') WHERE stream = $1 AND revision = 1`, [stream]);
    await rechain(stream, 1);
    expect(await verify(`?case=${id}`)).toMatchObject({ ok: true });
    expect(await verify()).toMatchObject({ ok: false, firstBreak: { reason: 'checkpoint-mismatch' } });
    await harness.sql('DELETE FROM events WHERE stream = $1', [stream]);
    await harness.sql('TRUNCATE integrity_checkpoints');
  });

  it("catches a stream's last events removed, which leaves no gap in its chain", async () => {
    const { id, stream, position } = await journey();
    await untilCheckpointed(position);
    await harness.sql('DELETE FROM events WHERE stream = $1 AND revision = 2', [stream]);
    expect(await verify(`?case=${id}`)).toMatchObject({ ok: true });
    expect(await verify()).toMatchObject({ ok: false, firstBreak: { reason: 'checkpoint-mismatch' } });
  });

  it('refuses a checkpoint not signed with our key', async () => {
    await harness.sql("UPDATE integrity_checkpoints SET digest = repeat('a', 64) WHERE position = (SELECT max(position) FROM integrity_checkpoints)");
    expect(await verify()).toMatchObject({ ok: false, firstBreak: { reason: 'checkpoint-forged' } });
  });
});
