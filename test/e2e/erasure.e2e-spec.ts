import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { EVENT_STORE } from '../../src/event-store/event-store.port.ts';
import { INTERRUPTED_ERASURE_GROUNDS } from '../../src/personal-data/data-subjects/interrupted-erasures.ts';
import { bearer, requestTo, startTestApp, type TestApp, type TestResponse } from '../support/test-app.ts';

/** Recognisable personal values: none may be readable anywhere once their subject is erased. */
const VICTIM = { name: 'Ernestine Erasable', dateOfBirth: '1961-04-09', phone: '07700 900461', email: 'ernestine@example.org', address: '9 Shred Lane, Hitchin' };
const NOTE = 'Spoke with Ernestine about her neighbour';
const SAFE_TIMES = 'Only before 9am, Ernestine works nights';
const PERSONAL_VALUES = [VICTIM.name, VICTIM.phone, VICTIM.email, VICTIM.address, VICTIM.dateOfBirth, NOTE, SAFE_TIMES, 'Ernestine'];

describe('personal data: encrypted at rest, erasable by crypto-shredding, restrictable', () => {
  let harness: TestApp;
  let caseManager: string;
  let admin: string;
  let auditor: string;

  beforeAll(async () => {
    harness = await startTestApp();
    caseManager = await bearer(['case_manager'], 'cm-ann');
    admin = await bearer(['admin'], 'root');
    auditor = await bearer(['auditor'], 'aud-ada');
  });
  afterAll(() => harness.close());

  let lastPosition = '0';
  const request = async (method: 'GET' | 'POST', url: string, authorization: string, payload?: object) => {
    const response = await harness.request({ method, url, payload, headers: { authorization, 'x-min-position': lastPosition } });
    if (method === 'POST' && response.statusCode < 300) lastPosition = response.json().position ?? lastPosition;
    return response;
  };
  const ok = (response: TestResponse, status = 200) => {
    expect({ status: response.statusCode, body: response.json() }).toMatchObject({ status });
    return response.json();
  };
  const journey = async (victim = VICTIM) => {
    const { id } = ok(await request('POST', '/api/referrals', caseManager, { source: 'self', crimeType: 'burglary', victim, consent: { contact: true, dataSharing: true, basis: 'implied' } }), 201);
    ok(await request('POST', `/api/referrals/${id}/contact-contract`, caseManager, { frequency: 'weekly', channel: 'phone', safeTimes: SAFE_TIMES }));
    ok(await request('POST', `/api/referrals/${id}/contacts`, caseManager, { outcome: 'made', channel: 'phone', at: new Date().toISOString(), note: NOTE }));
    const view = ok(await request('GET', `/api/referrals/${id}`, caseManager));
    return { id, subjectId: view.victim.subjectId as string, view };
  };
  const erasureMarkedRecorded = async (subjectId: string) => (await harness.sql('SELECT erasure_recorded FROM data_subject_keys WHERE subject_id = $1', [subjectId]))[0]!.erasure_recorded;
  /** Everything PostgreSQL holds outside the keys table, as text. */
  const everythingStored = async () => {
    const tables = (await harness.sql("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'data_subject_keys'")).map((row) => row.tablename as string);
    const dumps = await Promise.all(tables.map(async (table) => (await harness.sql(`SELECT coalesce(string_agg(t::text, E'\\n'), '') AS dump FROM ${table} t`))[0].dump as string));
    return dumps.join('\n');
  };

  /** The first test's victim shares the recognisable values: erase them too, so a stray copy would be this test's. */
  const eraseEveryoneElse = async () => {

    const listed = ok(await request('GET', '/api/referrals?q=Ernestine', caseManager)).items as { id: string }[];
    for (const { id } of listed) {
      const { victim } = ok(await request('GET', `/api/referrals/${id}`, caseManager));
      ok(await request('POST', `/api/admin/data-subjects/${victim.subjectId}/erase`, admin, { ground: 'art17-withdrawn-consent', requestReference: 'SAR-0001' }));
    }
  };

  it('erases in one service, and another on the same database, which holds the key in memory, no longer decrypts', async () => {
    const { id, subjectId } = await journey({ ...VICTIM, name: 'Otto Otherprocess' });
    const other = await harness.startAnother();
    try {
      const historyInOther = async () => ok(await requestTo(other, { method: 'GET', url: `/api/audit/cases/${id}/events`, headers: { authorization: auditor } })).items[0].data.victim.name;
      // Twice: the second answer comes from the key the other service keeps.
      expect(await historyInOther()).toBe('Otto Otherprocess');
      expect(await historyInOther()).toBe('Otto Otherprocess');
      ok(await request('POST', `/api/admin/data-subjects/${subjectId}/erase`, admin, { ground: 'art17-withdrawn-consent', requestReference: 'SAR-4' }));
      expect(await historyInOther()).toBe('[erased]');
    } finally {
      await other.close();
    }
  });

  it('keeps personal data encrypted in the event store while case workers read it in clear', async () => {
    const { id, view } = await journey();
    expect(view.victim).toMatchObject({ name: VICTIM.name, phone: VICTIM.phone, subjectId: expect.any(String) });
    expect(view.contract.safeTimes).toBe(SAFE_TIMES);
    const stored = (await harness.sql('SELECT data::text AS data FROM events WHERE stream = $1', [`referral-${id}`])).map((row) => row.data).join('\n');
    for (const value of PERSONAL_VALUES) expect(stored).not.toContain(value);
    expect(stored).toContain('"source": "self"');
  });

  it('erases a victim: no read model, history, time travel or rebuild shows their data, and verify still passes', async () => {
    await eraseEveryoneElse();
    const { id, subjectId } = await journey();
    expect((await request('POST', `/api/admin/data-subjects/${subjectId}/erase`, caseManager, { ground: 'art17-withdrawn-consent', requestReference: 'SAR-1' })).statusCode).toBe(403);
    expect((await request('POST', `/api/admin/data-subjects/${subjectId}/erase`, admin, {})).statusCode).toBe(400);
    expect((await request('POST', `/api/admin/data-subjects/${randomUUID()}/erase`, admin, { ground: 'art17-withdrawn-consent', requestReference: 'SAR-0' })).statusCode).toBe(404);

    const bystander = await journey({ ...VICTIM, name: 'Ernestine Bystander' });
    const erased = ok(await request('POST', `/api/admin/data-subjects/${subjectId}/erase`, admin, { ground: 'art17-withdrawn-consent', requestReference: 'SAR-1' }));
    expect(erased).toMatchObject({ readModelsUpdated: expect.arrayContaining(['referral-list', 'complaint-list', 'resolution-list']), readModelsBehind: [] });
    // Answered once the read models followed: the list no longer finds the name, without waiting for the erasure's position.
    const found = ok(await harness.request({ method: 'GET', url: '/api/referrals?q=Ernestine', headers: { authorization: caseManager } })).items as { id: string; victimName: string }[];
    expect(found.map((item) => item.id)).not.toContain(id);
    expect(found).toContainEqual(expect.objectContaining({ id: bystander.id, victimName: 'Ernestine Bystander' }));
    expect(ok(await request('GET', `/api/referrals/${bystander.id}`, caseManager)).victim.name).toBe('Ernestine Bystander');
    ok(await request('POST', `/api/admin/data-subjects/${bystander.subjectId}/erase`, admin, { ground: 'art17-withdrawn-consent', requestReference: 'SAR-2' }));
    expect(ok(await request('POST', `/api/admin/data-subjects/${subjectId}/erase`, admin, { ground: 'art17-withdrawn-consent', requestReference: 'SAR-1' }), 409)).toMatchObject({ rule: 'already-erased' });

    const view = ok(await request('GET', `/api/referrals/${id}`, caseManager));
    expect(view.victim).toMatchObject({ subjectId, name: '[erased]', phone: '[erased]', email: '[erased]', address: '[erased]', dateOfBirth: '[erased]' });
    expect(view.contract.safeTimes).toBe('[erased]');
    expect(ok(await request('GET', '/api/referrals?q=Ernestine', caseManager)).items.map((item: { id: string }) => item.id)).not.toContain(id);
    const history = ok(await request('GET', `/api/audit/cases/${id}/events`, auditor));
    const asOf = ok(await request('GET', `/api/audit/cases/${id}/state?revision=0`, auditor));
    expect(history.items[0].data.victim.name).toBe('[erased]');
    expect(asOf.state.victim.name).toBe('[erased]');

    ok(await request('POST', '/api/admin/projections/referral-list/rebuild', admin), 202);
    const deadline = Date.now() + 20_000;
    while (ok(await request('GET', '/api/admin/projections', admin)).some((projection: { state: string }) => projection.state === 'rebuilding')) {
      if (Date.now() > deadline) throw new Error('rebuild did not finish');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const everything = await everythingStored();
    for (const value of PERSONAL_VALUES) expect(everything).not.toContain(value);
    for (const body of [history, asOf, ok(await request('GET', `/api/referrals/${id}`, caseManager))]) {
      for (const value of PERSONAL_VALUES) expect(JSON.stringify(body)).not.toContain(value);
    }
    expect(ok(await request('GET', '/api/audit/verify', auditor))).toMatchObject({ ok: true, firstBreak: null });
    expect(ok(await request('GET', `/api/audit/cases/${subjectId}/events`, auditor), 404)).toBeDefined();
  });

  it('erases a complainant: their complaint reads erased, another complaint is untouched', async () => {
    const officer = await bearer(['crt_officer'], 'crt-olu');
    const logComplaint = async (name: string) => {
      const payload = { receivedAt: new Date().toISOString(), channel: 'email', complainant: { name, email: 'c@example.org' }, summary: 'Rude at the front desk', subjects: [{ kind: 'officer', identifier: 'PC 4321' }] };
      const { id } = ok(await request('POST', '/api/complaints', officer, payload), 201);
      return { id, subjectId: ok(await request('GET', `/api/complaints/${id}`, officer)).complainant.subjectId as string };
    };
    const erasedOne = await logComplaint('Constance Complainer');
    const other = await logComplaint('Constance Untouched');
    ok(await request('POST', `/api/admin/data-subjects/${erasedOne.subjectId}/erase`, admin, { ground: 'art17-withdrawn-consent', requestReference: 'SAR-3' }));
    const listed = ok(await harness.request({ method: 'GET', url: '/api/complaints?q=Constance', headers: { authorization: officer } })).items as { id: string; complainantName: string }[];
    expect(listed.map(({ id, complainantName }) => ({ id, complainantName }))).toEqual([{ id: other.id, complainantName: 'Constance Untouched' }]);
    expect(ok(await request('GET', `/api/complaints/${erasedOne.id}`, officer)).complainant.name).toBe('[erased]');
  });

  it('takes a ground of the decision and a request reference, never free text: anything else is a 400 naming the field, and changes nothing', async () => {
    const { id, subjectId } = await journey({ ...VICTIM, name: 'Gwendolen Grounded' });
    const keys = async () => (await harness.sql('SELECT subject_id, wrapped_key IS NOT NULL AS held, restricted FROM data_subject_keys WHERE subject_id = ANY($1) ORDER BY subject_id', [[id, subjectId]]));
    const before = await keys();
    const refused = async (decision: string, body: object) => {
      const response = await request('POST', `/api/admin/data-subjects/${subjectId}/${decision}`, admin, body);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      return ok(response, 400).errors as { field: string; message: string }[];
    };
    const [ofErase] = await refused('erase', { ground: 'art18-accuracy-contested', requestReference: 'SAR-40' });
    expect(ofErase).toEqual({ field: 'ground', message: expect.stringContaining('art17-withdrawn-consent, art17-objection') });
    const [ofLift] = await refused('lift-restriction', { ground: 'art17-objection', requestReference: 'SAR-40' });
    expect(ofLift).toEqual({ field: 'ground', message: expect.stringContaining('accuracy-verified, objection-decided, subject-consent, legal-claims-concluded') });
    expect((await refused('erase', { ground: 'not-recorded', requestReference: 'SAR-40' })).map(({ field }) => field)).toEqual(['ground']);
    expect((await refused('restrict', { ground: 'art18-accuracy-contested', requestReference: 'Gwendolen says her name is wrong' })).map(({ field }) => field)).toEqual(['requestReference']);
    expect((await refused('erase', { reason: 'Gwendolen Grounded asked' })).map(({ field }) => field).sort()).toEqual(['ground', 'reason', 'requestReference']);
    expect(await keys()).toEqual(before);
    expect(await harness.sql('SELECT type FROM events WHERE stream = ANY($1)', [[`data-subject-${id}`, `data-subject-${subjectId}`]])).toEqual([]);

    ok(await request('POST', `/api/admin/data-subjects/${subjectId}/restrict`, admin, { ground: 'art18-legal-claims', requestReference: 'DSAR-2026-0142' }));
    ok(await request('POST', `/api/admin/data-subjects/${subjectId}/lift-restriction`, admin, { ground: 'legal-claims-concluded', requestReference: 'DSAR-2026-0142' }));
    ok(await request('POST', `/api/admin/data-subjects/${subjectId}/erase`, admin, { ground: 'art17-no-longer-necessary', requestReference: 'DSAR-2026-0143' }));
    // The person's records, and their case's (its free text), carry the ground and reference and nothing else.
    for (const subject of [subjectId, id]) {
      const records = await harness.sql('SELECT type, schema_version, data FROM events WHERE stream = $1 ORDER BY revision', [`data-subject-${subject}`]);
      expect(records).toEqual([
        { type: 'ProcessingRestricted', schema_version: 2, data: { subjectId: subject, ground: 'art18-legal-claims', requestReference: 'DSAR-2026-0142', restrictedAt: expect.any(String) } },
        { type: 'RestrictionLifted', schema_version: 2, data: { subjectId: subject, ground: 'legal-claims-concluded', requestReference: 'DSAR-2026-0142', liftedAt: expect.any(String) } },
        { type: 'PersonalDataErased', schema_version: 2, data: { subjectId: subject, ground: 'art17-no-longer-necessary', requestReference: 'DSAR-2026-0143', erasedAt: expect.any(String) } },
      ]);
    }
  });

  it('records on the next start an erasure interrupted after its key was destroyed, and the read models follow it', async () => {
    const { id, subjectId } = await journey({ ...VICTIM, name: 'Ivo Interrupted' });
    // A crash between destroying the key and writing the record leaves this.
    await harness.sql('UPDATE data_subject_keys SET wrapped_key = NULL, erased_at = now() WHERE subject_id = $1', [subjectId]);
    await harness.restart();
    const [record] = await harness.app.get(EVENT_STORE).readStream(`data-subject-${subjectId}`);
    expect(record).toMatchObject({ type: 'PersonalDataErased', data: { subjectId, ...INTERRUPTED_ERASURE_GROUNDS } });
    lastPosition = record!.position.toString();
    expect(ok(await request('GET', '/api/referrals?q=Ivo', caseManager)).items).toEqual([]);
    expect(ok(await request('GET', `/api/referrals/${id}`, caseManager)).victim.name).toBe('[erased]');
    expect(await erasureMarkedRecorded(subjectId)).toBe(true);
  });

  it('marks an erasure recorded once its record is written, so a start looks only at the erasures it cannot vouch for', async () => {
    const erased = await journey({ ...VICTIM, name: 'Mara Marked' });
    ok(await request('POST', `/api/admin/data-subjects/${erased.subjectId}/erase`, admin, { ground: 'art17-withdrawn-consent', requestReference: 'SAR-9' }));
    expect(await erasureMarkedRecorded(erased.subjectId)).toBe(true);
    // A key marked as recorded is not looked at again on a start, whatever its stream holds.
    const vouched = await journey({ ...VICTIM, name: 'Vera Vouched' });
    await harness.sql('UPDATE data_subject_keys SET wrapped_key = NULL, erased_at = now(), erasure_recorded = true WHERE subject_id = $1', [vouched.subjectId]);
    await harness.restart();
    expect(await harness.app.get(EVENT_STORE).readStream(`data-subject-${vouched.subjectId}`)).toEqual([]);
  });

  it('restricts a victim: case workers see the data withheld, auditors still see it, and lifting shows it again', async () => {
    const { id, subjectId } = await journey({ ...VICTIM, name: 'Rita Restricted' });
    ok(await request('POST', `/api/admin/data-subjects/${subjectId}/restrict`, admin, { ground: 'art18-objection-pending', requestReference: 'SAR-21' }));
    expect(ok(await request('POST', `/api/admin/data-subjects/${subjectId}/restrict`, admin, { ground: 'art18-objection-pending', requestReference: 'SAR-21' }), 409)).toMatchObject({ rule: 'already-restricted' });
    expect(ok(await request('GET', `/api/referrals/${id}`, caseManager)).victim.name).toBe('[restricted]');
    expect(ok(await request('GET', `/api/audit/cases/${id}/events`, auditor)).items[0].data.victim.name).toBe('Rita Restricted');

    ok(await request('POST', `/api/admin/data-subjects/${subjectId}/lift-restriction`, admin, { ground: 'objection-decided', requestReference: 'SAR-21' }));
    expect(ok(await request('GET', `/api/referrals/${id}`, caseManager)).victim.name).toBe('Rita Restricted');
    expect(ok(await request('POST', `/api/admin/data-subjects/${subjectId}/lift-restriction`, admin, { ground: 'objection-decided', requestReference: 'SAR-21' }), 409)).toMatchObject({ rule: 'not-restricted' });
  });

});
