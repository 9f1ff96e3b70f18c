import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { EventCatalog } from '../../src/event-store/event-catalog.ts';
import { EVENT_STORE } from '../../src/event-store/event-store.port.ts';
import { ErasureRegister } from '../../src/personal-data/erasure-register/erasure-register.ts';
import { reapplyErasures } from '../../src/personal-data/erasure-register/reapply-erasures.ts';
import { SubjectKeys } from '../../src/personal-data/subject-keys.ts';
import { bearer, startTestApp, type TestApp } from '../support/test-app.ts';

const NAME = 'Bartholomew Backupson';

describe('the erasure register: a restore from a backup taken before an erasure is erased again', () => {
  let harness: TestApp;
  let folder: string;
  let registerPath: string;
  let caseManager: string;
  let admin: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'casework-erasure-register-'));
    registerPath = join(folder, 'erasures.jsonl');
    harness = await startTestApp({ ERASURE_REGISTER_PATH: registerPath });
    caseManager = await bearer(['case_manager'], 'cm-bea');
    admin = await bearer(['admin'], 'root');
  });
  afterAll(async () => {
    await harness.close();
    await rm(folder, { recursive: true, force: true });
  });

  const get = async (url: string, position: string) => {
    const response = await harness.request({ method: 'GET', url, headers: { authorization: caseManager, 'x-min-position': position } });
    expect(response.statusCode).toBe(200);
    return response.json();
  };
  /** A self-referral of a victim of this name, with its position and the victim's subject id. */
  const referralOf = async (name: string, phone: string) => {
    const created = await harness.request({ method: 'POST', url: '/api/referrals', headers: { authorization: caseManager }, payload: { source: 'self', crimeType: 'burglary', victim: { name, phone }, consent: { contact: true, dataSharing: false, basis: 'explicit' } } });
    expect(created.statusCode).toBe(201);
    const { id, position } = created.json();
    return { id: id as string, position: position as string, subjectId: (await get(`/api/referrals/${id}`, position)).victim.subjectId as string };
  };
  /** As an operator with the service stopped: the server's own tools on the whole database. */
  const onServer = async (statements: (database: string) => string[]) => {
    await harness.app.close();
    const database = new URL(harness.database.url).pathname.slice(1);
    const server = new URL(harness.database.url);
    server.pathname = '/postgres';
    const client = new pg.Client({ connectionString: server.toString() });
    await client.connect();
    try {
      await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
      for (const statement of statements(database)) await client.query(statement);
    } finally {
      await client.end();
    }
    harness.app = await harness.startAnother();
  };

  it('destroys the key the backup brought back and records the erasure again; nothing is readable', async () => {
    const { id, position, subjectId } = await referralOf(NAME, '07700 900777');

    await onServer((database) => [`CREATE DATABASE ${database}_backup TEMPLATE ${database}`]);
    const erased = await harness.request({ method: 'POST', url: `/api/admin/data-subjects/${subjectId}/erase`, headers: { authorization: admin }, payload: { ground: 'art17-withdrawn-consent', requestReference: 'SAR-77' } });
    expect(erased.statusCode).toBe(200);
    const registered = (await readFile(registerPath, 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    // The case's own data subject (its free text) is erased with the person, and registered with them.
    expect(registered.map((entry) => entry.subjectId).sort()).toEqual([id, subjectId].sort());
    expect(registered.find((entry) => entry.subjectId === subjectId)).toMatchObject({ subjectId, ground: 'art17-withdrawn-consent', requestReference: 'SAR-77', requestId: expect.any(String), erasedAt: expect.any(String) });

    await onServer((database) => [`DROP DATABASE ${database}`, `CREATE DATABASE ${database} TEMPLATE ${database}_backup`, `DROP DATABASE ${database}_backup`]);
    expect((await get(`/api/referrals/${id}`, position)).victim.name).toBe(NAME);

    const sources = { keys: harness.app.get(SubjectKeys), store: harness.app.get(EVENT_STORE), catalog: harness.app.get(EventCatalog) };
    const entries = await new ErasureRegister(registerPath).entries();
    // The person's key and their case's, both brought back by the restore.
    expect(await reapplyErasures(entries, sources)).toEqual({ keysDestroyed: 2, recorded: 2 });
    expect(await reapplyErasures(entries, sources)).toEqual({ keysDestroyed: 0, recorded: 0 });

    const [record] = await harness.app.get(EVENT_STORE).readStream(`data-subject-${subjectId}`);
    expect(record).toMatchObject({ type: 'PersonalDataErased', data: { subjectId, ground: 'art17-withdrawn-consent', requestReference: 'SAR-77' } });
    const after = record!.position.toString();
    expect((await get(`/api/referrals/${id}`, after)).victim.name).toBe('[erased]');
    expect((await get(`/api/referrals?q=${encodeURIComponent('Bartholomew')}`, after)).items).toEqual([]);
    const stored = await harness.sql("SELECT string_agg(t::text, ' ') AS dump FROM referral_list t");
    expect(stored[0].dump).not.toContain('Bartholomew');
    expect(await harness.sql('SELECT wrapped_key FROM data_subject_keys WHERE subject_id = $1', [subjectId])).toEqual([{ wrapped_key: null }]);
  });

  it('reapplies a register written before erasures had grounds: each line erased again, its free-text reason not carried into the record', async () => {
    const { id, subjectId } = await referralOf('Olwen Olderline', '07700 900778');
    // Lines as an erasure wrote them then (the service restored from a backup taken before it).
    const line = (subject: string, reason: string) => `${JSON.stringify({ subjectId: subject, erasedAt: '2026-01-05T09:00:00.000Z', reason, requestId: `old-${subject}` })}\n`;
    await appendFile(registerPath, line(subjectId, 'Olwen Olderline asked to be forgotten') + line(id, 'DSAR-2025-0042'));

    const entries = (await new ErasureRegister(registerPath).entries()).filter((entry) => [id, subjectId].includes(entry.subjectId));
    const sources = { keys: harness.app.get(SubjectKeys), store: harness.app.get(EVENT_STORE), catalog: harness.app.get(EventCatalog) };
    expect(await reapplyErasures(entries, sources)).toEqual({ keysDestroyed: 2, recorded: 2 });

    const recordOf = async (subject: string) => (await harness.sql('SELECT schema_version, data FROM events WHERE stream = $1', [`data-subject-${subject}`]))[0];
    expect(await recordOf(subjectId)).toEqual({ schema_version: 2, data: { subjectId, ground: 'not-recorded', requestReference: null, erasedAt: '2026-01-05T09:00:00.000Z' } });
    expect(await recordOf(id)).toEqual({ schema_version: 2, data: { subjectId: id, ground: 'not-recorded', requestReference: 'DSAR-2025-0042', erasedAt: '2026-01-05T09:00:00.000Z' } });
    const [{ dump }] = await harness.sql("SELECT string_agg(data::text, ' ') AS dump FROM events WHERE stream LIKE 'data-subject-%'");
    expect(dump).not.toContain('Olderline');
    expect(await harness.sql('SELECT wrapped_key FROM data_subject_keys WHERE subject_id = $1', [subjectId])).toEqual([{ wrapped_key: null }]);
  });

  it('records an erasure interrupted before its record, on the next start, with the ground and reference it was registered with', async () => {
    const { subjectId } = await referralOf('Idris Interrupted', '07700 900779');
    // What an erasure does before its record: registered, then the key destroyed; then a crash.
    await new ErasureRegister(registerPath).record({ subjectId, erasedAt: '2026-02-03T10:00:00.000Z', ground: 'art17-unlawful-processing', requestReference: 'DSAR-2026-0077', requestId: 'r-interrupted' });
    await harness.sql('UPDATE data_subject_keys SET wrapped_key = NULL, erased_at = now() WHERE subject_id = $1', [subjectId]);
    await harness.restart();
    const [record] = await harness.sql('SELECT type, data FROM events WHERE stream = $1', [`data-subject-${subjectId}`]);
    expect(record).toEqual({ type: 'PersonalDataErased', data: { subjectId, ground: 'art17-unlawful-processing', requestReference: 'DSAR-2026-0077', erasedAt: expect.any(String) } });
  });
});
