import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { LEGACY_SEALED } from '../../test/support/legacy-sealed-values.ts';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { migrateDatabase } from '../database/data-source.ts';
import { EventCatalog } from '../event-store/event-catalog.ts';
import type { EventStore, JsonObject } from '../event-store/event-store.port.ts';
import { createPostgresEventStore } from '../event-store/postgres/postgres-event-store.ts';
import { createEventCatalog } from '../event-store/known-events.ts';
import { EncryptingEventStore } from './encrypting-event-store.ts';
import { defineEvent } from './event-definition.ts';
import { wrapKey } from './field-cipher.ts';
import { SubjectKeys } from './subject-keys.ts';

/** Version 1 kept the victim's name at the top level; version 2 gathers the victim under `victim`. */
const catalog = new EventCatalog([
  defineEvent({
    type: 'VictimNamed',
    schemaVersion: 2,
    personalData: [{ subjectIdPath: 'victim.subjectId', fields: ['victim.name', 'victim.address'] }],
    plain: ['victim.subjectId'],
    earlierPersonalData: { 1: [{ subjectIdPath: 'subjectId', fields: ['name'] }] },
    upcasters: { 1: ({ subjectId, name }) => ({ victim: { subjectId, name, address: null }, note: null }) },
  }),
]);

const metadata = { actor: { sub: 'test', roles: [] }, correlationId: randomUUID(), causationId: randomUUID() };
const event = (data: JsonObject, schemaVersion = 2) => ({ id: randomUUID(), type: 'VictimNamed', schemaVersion, data, metadata });

describe('EncryptingEventStore', () => {
  let database: TestDatabase;
  let pool: pg.Pool;
  let stored: EventStore;
  let keys: SubjectKeys;
  let events: EncryptingEventStore;
  let audit: EncryptingEventStore;
  /** With the service's own catalog. */
  let service: EncryptingEventStore;
  const masterKey = randomBytes(32);

  beforeAll(async () => {
    database = await createTestDatabase();
    await migrateDatabase(database.url);
    pool = new pg.Pool({ connectionString: database.url, max: 4 });
    stored = createPostgresEventStore(database.url);
    keys = new SubjectKeys(pool, masterKey);
    events = new EncryptingEventStore(stored, keys, catalog, { revealRestricted: false });
    audit = new EncryptingEventStore(stored, keys, catalog, { revealRestricted: true });
    service = new EncryptingEventStore(stored, keys, createEventCatalog(), { revealRestricted: false });
  });

  afterAll(async () => {
    await stored.close();
    await pool.end();
    await database.drop();
  });

  const roundTrip = async (data: JsonObject, schemaVersion = 2) => {
    const stream = `victim-${randomUUID()}`;
    await events.append(stream, [event(data, schemaVersion)], 'no_stream');
    return { stream, stored: (await stored.readStream(stream))[0]!.data, read: (await events.readStream(stream))[0]!.data };
  };

  it('stores declared fields as envelopes and opens them on reading', async () => {
    const subjectId = `s-${randomUUID()}`;
    const data = { victim: { subjectId, name: 'Ann Example', address: { line1: '1 High St' } }, note: 'in clear' };
    const { stored: raw, read } = await roundTrip(data);
    expect(raw).toMatchObject({ victim: { subjectId, name: { $sealed: 'aes-256-gcm', subject: subjectId }, address: { $sealed: 'aes-256-gcm' } }, note: 'in clear' });
    expect(JSON.stringify(raw)).not.toContain('Ann');
    expect(read).toEqual(data);
  });

  it('reads back a user’s text that looks like sealed data as that text, wherever it was typed', async () => {
    const subjectId = `s-${randomUUID()}`;
    await keys.keysFor([subjectId], true);
    const lookalike = `pd1:${subjectId}:AAAA`;
    const envelope = { $sealed: 'aes-256-gcm', subject: subjectId, ciphertext: 'AAAA' };
    const data = { victim: { subjectId, name: lookalike, address: null }, note: lookalike, extra: envelope };
    const { read } = await roundTrip(data);
    expect(read).toEqual(data);
  });

  it('opens the pd1 strings old stores hold at declared paths', async () => {
    const { subjectId } = LEGACY_SEALED;
    await pool.query('INSERT INTO data_subject_keys (subject_id, wrapped_key) VALUES ($1, $2)', [subjectId, wrapKey(LEGACY_SEALED.key, masterKey)]);
    const stream = `victim-${randomUUID()}`;
    await stored.append(stream, [event({ victim: { subjectId, name: LEGACY_SEALED.name, address: LEGACY_SEALED.address }, note: LEGACY_SEALED.name })], 'no_stream');
    const [read] = await events.readStream(stream);
    expect(read!.data).toEqual({ victim: { subjectId, name: 'Ann Example', address: { line1: '1 High St' } }, note: LEGACY_SEALED.name });
  });

  it('opens an older schema version at the paths that version declared', async () => {
    const subjectId = `s-${randomUUID()}`;
    const { stored: raw, read } = await roundTrip({ subjectId, name: 'Old Ann' }, 1);
    expect(raw.name).toMatchObject({ $sealed: 'aes-256-gcm' });
    expect(read).toEqual({ subjectId, name: 'Old Ann' });
    expect(catalog.toDomain({ type: 'VictimNamed', schemaVersion: 1, data: read }).data).toEqual({ victim: { subjectId, name: 'Old Ann', address: null }, note: null });
  });

  it('shows an erased subject as erased, and a restricted one as restricted to all but auditors', async () => {
    const erased = `s-${randomUUID()}`;
    const restricted = `s-${randomUUID()}`;
    const { stream: erasedStream } = await roundTrip({ victim: { subjectId: erased, name: 'Eve', address: null } });
    const { stream: restrictedStream } = await roundTrip({ victim: { subjectId: restricted, name: 'Rita', address: null } });
    await keys.erase(erased);
    await keys.restrict(restricted, true);
    expect((await events.readStream(erasedStream))[0]!.data).toMatchObject({ victim: { name: '[erased]' } });
    expect((await events.readStream(restrictedStream))[0]!.data).toMatchObject({ victim: { name: '[restricted]' } });
    expect((await audit.readStream(restrictedStream))[0]!.data).toMatchObject({ victim: { name: 'Rita' } });
  });

  describe("a case's free text", () => {
    const referralId = () => randomUUID();
    const contact = (id: string, victim: string, note: string, schemaVersion: number) => ({
      id: randomUUID(),
      type: 'ContactMade',
      schemaVersion,
      data: { referralId: id, subjectId: victim, channel: 'phone', at: '2026-03-02T10:00:00.000Z', note, nextContactDue: null },
      metadata,
    });
    const received = (id: string, victim: string) => ({
      id: randomUUID(),
      type: 'ReferralReceived',
      schemaVersion: 2,
      data: { referralId: id, source: 'self', crimeReference: null, crimeTypeId: 'burglary', offenceDate: null, crimeReportedOn: null, victim: { subjectId: victim, name: 'Vi', dateOfBirth: null, phone: null, email: null, address: null }, consent: { contact: true, dataSharing: true, basis: 'explicit' }, receivedAt: '2026-03-02T10:00:00.000Z' },
      metadata,
    });

    it("is sealed under the case's own subject, to which each person of the case is linked before the event is stored", async () => {
      const [id, victim] = [referralId(), randomUUID()];
      await service.append(`referral-${id}`, [received(id, victim), contact(id, victim, 'Spoke with Vi', 2)], 'no_stream');
      const [, raw] = await stored.readStream(`referral-${id}`);
      expect(raw!.data.note).toMatchObject({ $sealed: 'aes-256-gcm', subject: id });
      expect(await keys.cases.casesOf(victim)).toEqual([id]);
      await keys.erase(id);
      expect((await service.readStream(`referral-${id}`))[1]!.data).toMatchObject({ note: '[erased]' });
    });

    it('stays where an earlier version sealed it: a version-1 note opens under the victim and goes with them', async () => {
      const [id, victim] = [referralId(), randomUUID()];
      await service.append(`referral-${id}`, [contact(id, victim, 'Old note', 1)], 'no_stream');
      expect((await stored.readStream(`referral-${id}`))[0]!.data.note).toMatchObject({ subject: victim });
      expect((await service.readStream(`referral-${id}`))[0]!.data).toMatchObject({ note: 'Old note' });
      await keys.erase(victim);
      expect((await service.readStream(`referral-${id}`))[0]!.data).toMatchObject({ note: '[erased]' });
    });

    it('reads text an earlier version kept in clear as that text: crypto-shredding cannot reach it', async () => {
      const id = referralId();
      const assessed = { referralId: id, needs: [], riskLevel: 'standard', proposedGroups: [], priorityGroups: [], overrideReason: `pd1:${id}:AAAA`, enhanced: false, assessedAt: '2026-03-02T10:00:00.000Z' };
      await stored.append(`referral-${id}`, [{ id: randomUUID(), type: 'NeedsAssessed', schemaVersion: 1, data: assessed, metadata }], 'no_stream');
      expect((await service.readStream(`referral-${id}`))[0]!.data).toEqual(assessed);
    });
  });
});
