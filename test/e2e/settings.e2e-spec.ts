import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { ChainedEventStore } from '../../src/event-store/integrity/chained-event-store.ts';
import { createPostgresEventStore } from '../../src/event-store/postgres/postgres-event-store.ts';
import { englandAndWalesCalendar } from '../../src/calendar/england-and-wales.ts';
import { bearer, startTestApp, type TestApp } from '../support/test-app.ts';

describe('configurable lists over HTTP', () => {
  let harness: TestApp;
  let admin: string;
  let caseManager: string;

  beforeAll(async () => {
    harness = await startTestApp();
    admin = await bearer(['admin'], 'root');
    caseManager = await bearer(['case_manager']);
  });
  afterAll(() => harness.close());

  const request = (method: 'GET' | 'POST', url: string, authorization: string, payload?: object) => harness.request({ method, url, payload, headers: { authorization } });
  const referral = (crimeType: string) => ({ source: 'police', crimeReference: '41/9/26', crimeType, victim: { name: 'V' }, consent: { contact: true, dataSharing: true, basis: 'implied' } });

  it('names the list field when a settings route names no list', async () => {
    for (const url of ['/api/admin/settings/lists/crimeTypez/entries', '/api/admin/settings/lists/crimeTypez/entries/fraud/retire']) {
      const response = await request('POST', url, admin, { id: 'x', label: 'X' });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ type: '/problems/validation', errors: [{ field: 'list', message: expect.stringContaining('crimeTypes') }] });
    }
  });

  it('lets an administrator add a crime type, with its consent rule, and retire one; commands see it at once', async () => {
    expect((await request('GET', '/api/admin/settings', caseManager)).statusCode).toBe(403);
    expect((await request('POST', '/api/referrals', caseManager, referral('forced-marriage'))).statusCode).toBe(400);

    const added = await request('POST', '/api/admin/settings/lists/crimeTypes/entries', admin, {
      id: 'forced-marriage',
      label: 'Forced marriage',
      explicitConsentRequired: true,
      priorityGroup: 'most-serious-crime',
    });
    expect(added.statusCode).toBe(200);
    const refused = await request('POST', '/api/referrals', caseManager, referral('forced-marriage'));
    expect(refused.json()).toMatchObject({ status: 409, rule: 'explicit-consent-required' });

    const created = (await request('POST', '/api/referrals', caseManager, referral('fraud'))).json();
    expect((await request('POST', '/api/admin/settings/lists/crimeTypes/entries/fraud/retire', admin)).statusCode).toBe(200);
    expect((await request('POST', '/api/referrals', caseManager, referral('fraud'))).statusCode).toBe(400);
    const journey = await harness.request({ method: 'GET', url: `/api/referrals/${created.id}`, headers: { authorization: caseManager, 'x-min-position': created.position } });
    expect(journey.json()).toMatchObject({ crimeType: { id: 'fraud', label: 'Fraud' } });

    const settings = (await request('GET', '/api/admin/settings', admin)).json();
    expect(settings.lists.crimeTypes).toEqual(
      expect.arrayContaining([
        { id: 'forced-marriage', label: 'Forced marriage', attributes: { explicitConsentRequired: true, priorityGroup: 'most-serious-crime' }, retired: false },
        expect.objectContaining({ id: 'fraud', retired: true }),
      ]),
    );
  });

  it('validates entries and lists, and refuses to retire what is not there', async () => {
    expect((await request('POST', '/api/admin/settings/lists/colours/entries', admin, { id: 'red', label: 'Red' })).statusCode).toBe(400);
    expect((await request('POST', '/api/admin/settings/lists/declineReasons/entries', admin, { id: 'Not An Id', label: '' })).json().errors.map((error: { field: string }) => error.field).sort()).toEqual(['id', 'label']);
    expect((await request('POST', '/api/admin/settings/lists/crimeTypes/entries', admin, { id: 'x', label: 'X' })).statusCode).toBe(400);
    expect((await request('POST', '/api/admin/settings/lists/needsDomains/entries/nope/retire', admin)).json()).toMatchObject({ status: 409, rule: 'unknown-list-entry' });
    expect((await request('POST', '/api/admin/settings/contact-failure-threshold', admin, { value: 0 })).statusCode).toBe(400);
    expect((await request('POST', '/api/admin/settings/contact-failure-threshold', admin, { value: 5 })).statusCode).toBe(200);
    expect((await request('GET', '/api/admin/settings', admin)).json()).toMatchObject({ contactFailureThreshold: 5 });
    expect((await request('POST', '/api/admin/settings/retention-periods', admin, { caseKind: 'case', closureReason: null, months: 0 })).json().errors.map((error: { field: string }) => error.field).sort()).toEqual(['caseKind', 'months']);
    expect((await request('POST', '/api/admin/settings/retention-periods', admin, { caseKind: 'complaint', closureReason: 'duplicate', months: 12 })).statusCode).toBe(200);
    expect((await request('GET', '/api/admin/settings', admin)).json().retentionPeriods).toContainEqual({ caseKind: 'complaint', closureReason: 'duplicate', months: 12 });
  });

  it('lets an administrator add a bank holiday, which moves the Victims\' Code deadlines', async () => {
    const shipped = englandAndWalesCalendar();
    const nextWorkingDay = shipped.dueAfter(new Date(), 1);
    const created = (await request('POST', '/api/referrals', caseManager, referral('burglary'))).json();
    const learn = async () => {
      const learned = (await request('POST', `/api/referrals/${created.id}/cj-events`, caseManager, { kind: 'arrest', learnedAt: new Date().toISOString() })).json();
      const journey = await harness.request({ method: 'GET', url: `/api/referrals/${created.id}`, headers: { authorization: caseManager, 'x-min-position': learned.position } });
      return journey.json().criminalJustice.find((update: { id: string }) => update.id === learned.cjEventId).dueBy;
    };
    expect(await learn()).toBe(shipped.dueAfter(new Date(), 5));

    const badDate = await request('POST', '/api/admin/settings/lists/bankHolidays/entries', admin, { id: '2031-02-31', label: 'No such day' });
    expect(badDate.json()).toMatchObject({ status: 400 });
    expect((await request('POST', '/api/admin/settings/lists/bankHolidays/entries', admin, { id: nextWorkingDay, label: 'One-off bank holiday' })).statusCode).toBe(200);
    expect(await learn()).toBe(englandAndWalesCalendar([nextWorkingDay]).dueAfter(new Date(), 5));
    expect(englandAndWalesCalendar([nextWorkingDay]).dueAfter(new Date(), 5)).not.toBe(shipped.dueAfter(new Date(), 5));
  });

  it('honours a crime type saved by the first release, in the schema-1 shape, through the upcaster', async () => {
    const store = new ChainedEventStore(createPostgresEventStore(harness.database.url));
    const firstRelease = { list: 'crimeTypes', entry: { id: 'honour-abuse', label: 'Honour-based abuse', explicitConsentRequired: true, priorityGroup: 'most-serious-crime' }, savedAt: '2026-01-05T09:00:00.000Z' };
    const actor = { sub: 'root', roles: ['admin'] };
    await store.append('settings', [{ id: randomUUID(), type: 'ListEntrySaved', schemaVersion: 1, data: firstRelease, metadata: { actor, correlationId: 'c', causationId: 'c' } }], 'any');
    await store.close();

    const settings = (await request('GET', '/api/admin/settings', admin)).json();
    expect(settings.lists.crimeTypes).toContainEqual({ id: 'honour-abuse', label: 'Honour-based abuse', attributes: { explicitConsentRequired: true, priorityGroup: 'most-serious-crime' }, retired: false });
    const refused = await request('POST', '/api/referrals', caseManager, referral('honour-abuse'));
    expect(refused.json()).toMatchObject({ status: 409, rule: 'explicit-consent-required' });
  });
  it("keeps a Notify template's placeholders, reads one saved before as using first_name and update, and refuses a message that leaves one out, appending nothing", async () => {
    const template = { id: 'contact-sms', label: 'Contact by text', templateId: 'f33517ff-2a88-4f6e-b855-c550268ce08a' };
    const badNames = await request('POST', '/api/admin/settings/lists/notifyTemplates/entries', admin, { ...template, placeholders: ['first_name', '((court))'] });
    expect(badNames.json()).toMatchObject({ status: 400, errors: [{ field: 'placeholders' }] });
    const notATemplate = await request('POST', '/api/admin/settings/lists/declineReasons/entries', admin, { id: 'moved', label: 'Moved', placeholders: ['first_name'] });
    expect(notATemplate.json()).toMatchObject({ status: 400, errors: [{ field: 'placeholders' }] });

    const store = new ChainedEventStore(createPostgresEventStore(harness.database.url));
    const earlier = { list: 'notifyTemplates', entry: { id: 'contact-email', label: 'Contact by email', attributes: { templateId: template.templateId } }, savedAt: '2026-06-01T09:00:00.000Z' };
    await store.append('settings', [{ id: randomUUID(), type: 'ListEntrySaved', schemaVersion: 2, data: earlier, metadata: { actor: { sub: 'root', roles: ['admin'] }, correlationId: 'c', causationId: 'c' } }], 'any');
    await store.close();
    expect((await request('POST', '/api/admin/settings/lists/notifyTemplates/entries', admin, { ...template, placeholders: ['first_name', 'court_name'] })).statusCode).toBe(200);
    const { notifyTemplates } = (await request('GET', '/api/admin/settings', admin)).json().lists;
    expect(notifyTemplates).toEqual([
      { ...earlier.entry, attributes: { templateId: template.templateId, placeholders: ['first_name', 'update'] }, retired: false },
      { id: 'contact-sms', label: 'Contact by text', attributes: { templateId: template.templateId, placeholders: ['first_name', 'court_name'] }, retired: false },
    ]);

    const { id } = (await request('POST', '/api/referrals', caseManager, referral('burglary'))).json();
    const before = await harness.sql('SELECT count(*)::int AS n FROM events WHERE stream = $1', [`referral-${id}`]);
    for (const [channel, personalisation, missing] of [['sms', { first_name: 'Ann', court_name: ' ' }, ['personalisation.court_name']], ['email', {}, ['personalisation.first_name', 'personalisation.update']]] as const) {
      const refused = await request('POST', `/api/referrals/${id}/messages`, caseManager, { kind: 'contact', channel, personalisation });
      expect(refused.json()).toMatchObject({ status: 400 });
      expect(refused.json().errors.map((error: { field: string }) => error.field)).toEqual(missing);
    }
    expect(await harness.sql('SELECT count(*)::int AS n FROM events WHERE stream = $1', [`referral-${id}`])).toEqual(before);
  });
});
