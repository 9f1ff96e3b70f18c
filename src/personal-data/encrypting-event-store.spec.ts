import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { LEGACY_SEALED } from '../../test/support/legacy-sealed-values.ts';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.ts';
import { migrateDatabase } from '../database/data-source.ts';
import { EventCatalog } from '../event-store/event-catalog.ts';
import type { EventStore, JsonObject } from '../event-store/event-store.port.ts';
import { createPostgresEventStore } from '../event-store/postgres/postgres-event-store.ts';
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
  const masterKey = randomBytes(32);

  beforeAll(async () => {
    database = await createTestDatabase();
    await migrateDatabase(database.url);
    pool = new pg.Pool({ connectionString: database.url, max: 4 });
    stored = createPostgresEventStore(database.url);
    keys = new SubjectKeys(pool, masterKey);
    events = new EncryptingEventStore(stored, keys, catalog, { revealRestricted: false });
    audit = new EncryptingEventStore(stored, keys, catalog, { revealRestricted: true });
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
});
