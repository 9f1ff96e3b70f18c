import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { englandAndWalesCalendar } from '../../src/calendar/england-and-wales.ts';
import { addDays, londonDate, type CalendarDate } from '../../src/calendar/working-days.ts';
import { bearer, startTestApp, type TestApp } from '../support/test-app.ts';

/**
 * The due lists are ordered by due dates the projections keep on the calendar as it stands: an administrator's
 * bank holiday reorders them as it moves the deadlines. Each test works in weeks of its own, well in the past, so
 * the holidays one adds span no clock of another.
 */
describe('due lists in order after the calendar changes', () => {
  let harness: TestApp;
  let admin: string;
  let officer: string;
  const shipped = englandAndWalesCalendar();

  beforeAll(async () => {
    harness = await startTestApp();
    admin = await bearer(['admin'], 'admin-due-order');
    officer = await bearer(['crt_officer'], 'crt-due-order');
  });
  afterAll(() => harness.close());

  const request = (method: 'GET' | 'POST', url: string, authorization: string, payload?: object, headers: Record<string, string> = {}) =>
    harness.request({ method, url, payload, headers: { authorization, ...headers } });
  const post = async (url: string, authorization: string, payload: object) => {
    const response = await request('POST', url, authorization, payload);
    expect({ url, status: response.statusCode }).toEqual({ url, status: response.statusCode < 300 ? response.statusCode : 'a success' });
    return response.json<{ id: string; position: string }>();
  };
  /** A Monday some weeks back whose fortnight has no bank holiday: its days are the tests' own. */
  const quietMonday = (weeksBack: number): CalendarDate => {
    let day = addDays(londonDate(new Date()), -7 * weeksBack);
    while (new Date(`${day}T12:00:00Z`).getUTCDay() !== 1 || ![...Array(14).keys()].every((offset) => offset % 7 >= 5 || shipped.isWorkingDay(addDays(day, offset)))) day = addDays(day, -1);
    return day;
  };
  const noon = (day: CalendarDate) => `${day}T12:00:00Z`;
  const addHoliday = (day: CalendarDate) => post('/api/admin/settings/lists/bankHolidays/entries', admin, { id: day, label: 'One-off bank holiday' });

  /** A referral in a case manager's caseload, received on a day, for a crime type. */
  const referral = async (caseManager: string, sub: string, name: string, receivedOn: CalendarDate, crimeType = 'burglary') => {
    const receivedAt = `${receivedOn}T07:00:00Z`;
    const body = { source: 'self', crimeType, victim: { name }, consent: { contact: true, dataSharing: true, basis: 'explicit' }, receivedAt };
    const { id } = await post('/api/referrals', caseManager, body);
    await post(`/api/referrals/${id}/assign`, caseManager, { caseManager: sub, at: receivedAt });
    return id;
  };
  /** Contact is next due a week after one made on `madeOn` at 09:00. */
  const contactMade = async (caseManager: string, id: string, madeOn: CalendarDate) => {
    await post(`/api/referrals/${id}/contact-contract`, caseManager, { frequency: 'weekly', channel: 'phone', at: `${madeOn}T08:00:00Z` });
    return post(`/api/referrals/${id}/contacts`, caseManager, { outcome: 'made', channel: 'phone', at: `${madeOn}T09:00:00Z` });
  };
  const caseload = async (caseManager: string, position?: string) =>
    (await request('GET', '/api/referrals?caseManager=me', caseManager, undefined, position ? { 'x-min-position': position } : {}))
      .json<{ items: { id: string; nextUpdateDue: string | null; nextContactDue: string | null }[] }>()
      .items.map(({ id, nextUpdateDue, nextContactDue }) => ({ id, due: nextUpdateDue ?? nextContactDue }));

  it('reorders a caseload, and the overdue and dueBy lists, when a bank holiday moves an update past a contact', async () => {
    const sub = 'cm-due-order-flip';
    const caseManager = await bearer(['case_manager'], sub);
    const monday = quietMonday(10);
    // An update learned on Monday is due the next Monday (5 working days); a contact falls due on the Tuesday after, at 09:00.
    const updated = await referral(caseManager, sub, 'Ulla Updated', monday);
    const learned = await post(`/api/referrals/${updated}/cj-events`, caseManager, { kind: 'arrest', learnedAt: noon(monday) });
    const updateDue = shipped.addWorkingDays(monday, 5);
    const contactDay = shipped.addWorkingDays(updateDue, 1);
    const contacted = await referral(caseManager, sub, 'Conrad Contacted', addDays(contactDay, -7));
    const made = await contactMade(caseManager, contacted, addDays(contactDay, -7));
    expect(learned.position < made.position).toBe(true);
    expect(await caseload(caseManager, made.position)).toEqual([
      { id: updated, due: updateDue },
      { id: contacted, due: `${contactDay}T09:00:00.000Z` },
    ]);

    // The Wednesday a bank holiday: the update is now due on the contact's day, by its end, so after the contact.
    const holiday = await addHoliday(addDays(monday, 2));
    expect(await caseload(caseManager, holiday.position)).toEqual([
      { id: contacted, due: `${contactDay}T09:00:00.000Z` },
      { id: updated, due: contactDay },
    ]);
    const listed = async (query: string) =>
      (await request('GET', `/api/referrals?caseManager=${sub}&${query}`, caseManager, undefined, { 'x-min-position': holiday.position })).json<{ items: { id: string }[] }>().items.map(({ id }) => id);
    expect({ overdue: await listed('overdue=true'), dueBy: await listed(`dueBy=${contactDay}`) }).toEqual({ overdue: [contacted, updated], dueBy: [contacted, updated] });
  });

  it("keeps, of a referral's open updates, the one due first on the calendar as it stands, on the list as on the page", async () => {
    const sub = 'cm-due-order-first-update';
    const caseManager = await bearer(['case_manager'], sub);
    const monday = quietMonday(20);
    // Standard (5 working days) from Monday, due the next Monday; then, the crime corrected to one with enhanced
    // entitlement, an enhanced update (1 working day) learned that next Monday, due on the Tuesday.
    const id = await referral(caseManager, sub, 'Fenella Firstdue', monday);
    await post(`/api/referrals/${id}/cj-events`, caseManager, { kind: 'arrest', learnedAt: noon(monday) });
    const standardDue = shipped.addWorkingDays(monday, 5);
    await post(`/api/referrals/${id}/crime/correction`, caseManager, { crimeType: 'domestic-abuse', reason: 'Typed from the wrong report' });
    const enhanced = await post(`/api/referrals/${id}/cj-events`, caseManager, { kind: 'charge', learnedAt: noon(standardDue) });
    const enhancedDue = shipped.addWorkingDays(standardDue, 1);
    // A contact due at 09:00 on the working day after the enhanced update's.
    const contactDay = shipped.addWorkingDays(enhancedDue, 1);
    const contacted = await referral(caseManager, sub, 'Cora Contacted', addDays(contactDay, -7));
    const made = await contactMade(caseManager, contacted, addDays(contactDay, -7));
    expect(await caseload(caseManager, made.position)).toEqual([
      { id, due: standardDue },
      { id: contacted, due: `${contactDay}T09:00:00.000Z` },
    ]);
    expect(enhanced.position < made.position).toBe(true);

    // Tuesday and Wednesday bank holidays: the standard update is due two working days later, on the contact's
    // day, so by its end; the enhanced one now comes first, before the contact.
    await addHoliday(addDays(monday, 1));
    const second = await addHoliday(addDays(monday, 2));
    const page = (await request('GET', `/api/referrals/${id}`, caseManager, undefined, { 'x-min-position': second.position })).json<{ openCriminalJusticeUpdates: { dueBy: string }[] }>();
    const dueDates = page.openCriminalJusticeUpdates.map(({ dueBy }) => dueBy).sort();
    expect(dueDates).toEqual([enhancedDue, contactDay]);
    expect(await caseload(caseManager, second.position)).toEqual([
      { id, due: enhancedDue },
      { id: contacted, due: `${contactDay}T09:00:00.000Z` },
    ]);

    // Erasing the victim folds the row again from its events, on the calendar as it stood at the erasure.
    const { victim } = (await request('GET', `/api/referrals/${id}`, caseManager)).json<{ victim: { subjectId: string } }>();
    // Answered once the read models have followed the erasure.
    expect(await post(`/api/admin/data-subjects/${victim.subjectId}/erase`, admin, { ground: 'art17-withdrawn-consent', requestReference: 'SAR-16' })).toMatchObject({ readModelsBehind: [] });
    expect(await caseload(caseManager)).toEqual([
      { id, due: enhancedDue },
      { id: contacted, due: `${contactDay}T09:00:00.000Z` },
    ]);
  });

  it('reorders the complaint list when a bank holiday is added, and back when it is retired; a later event keeps the order', async () => {
    const monday = quietMonday(30);
    const log = async (name: string, receivedOn: CalendarDate) =>
      post('/api/complaints', officer, { receivedAt: noon(receivedOn), channel: 'email', complainant: { name }, summary: 'Waiting', subjects: [{ kind: 'force' }] });
    // First contact owed from Wednesday: due on Friday, 2 working days on.
    const contactOwed = await log('Wanda Reorder', addDays(monday, 2));
    // Contacted, and handled from 28 days before the Saturday: a progress update due that Saturday, whatever the calendar.
    const updateOwed = await log('Theo Reorder', addDays(monday, -25));
    await post(`/api/complaints/${updateOwed.id}/contact-complainant`, officer, { at: noon(addDays(monday, -24)), channel: 'phone', views: 'Wants an apology' });
    const allegations = [{ category: 'individual-behaviours', description: 'Rude on the phone', subject: { kind: 'force' }, criteria: {} }];
    const handled = await post(`/api/complaints/${updateOwed.id}/handle-outside-schedule-3`, officer, { allegations, at: noon(addDays(monday, -23)) });
    const listed = async (position: string) =>
      (await request('GET', '/api/complaints?q=Reorder', officer, undefined, { 'x-min-position': position })).json<{ items: { id: string; nextDue: string }[] }>().items.map(({ id, nextDue }) => [id, nextDue]);
    const contactFirst = [[contactOwed.id, addDays(monday, 4)], [updateOwed.id, addDays(monday, 5)]];
    expect(await listed(handled.position)).toEqual(contactFirst);

    // Friday a bank holiday: first contact is due on Monday, after the Saturday's update.
    const added = await addHoliday(addDays(monday, 4));
    const updateFirst = [[updateOwed.id, addDays(monday, 5)], [contactOwed.id, addDays(monday, 7)]];
    expect(await listed(added.position)).toEqual(updateFirst);
    // A complaint event after the change is counted on the calendar as it then stands.
    const noted = await post(`/api/complaints/${contactOwed.id}/notes`, officer, { text: 'Chased by email' });
    expect(await listed(noted.position)).toEqual(updateFirst);

    const retired = await post(`/api/admin/settings/lists/bankHolidays/entries/${addDays(monday, 4)}/retire`, admin, {});
    expect(await listed(retired.position)).toEqual(contactFirst);
  });

  it('counts a police referral\'s delay again when a bank holiday falls between the report and the referral', async () => {
    const supervisor = await bearer(['supervisor'], 'sup-due-order-delay');
    const monday = quietMonday(30);
    // Reported on Monday, referred on Thursday: 3 working days, over the 2 allowed.
    const thursday = addDays(monday, 3);
    const { id } = await post('/api/referrals', supervisor, {
      source: 'police',
      crimeType: 'burglary',
      crimeReference: '41/70001/26',
      crimeReportedOn: monday,
      victim: { name: 'Dora Delayed' },
      consent: { contact: true, dataSharing: true, basis: 'explicit' },
      receivedAt: `${thursday}T07:00:00Z`,
    });
    const delayed = async (position: string) =>
      (await request('GET', '/api/referrals?policeReferralDelayed=true&crimeReference=41%2F70001%2F26', supervisor, undefined, { 'x-min-position': position })).json<{ items: { id: string }[] }>().items.map((item) => item.id);
    const { position } = await post(`/api/referrals/${id}/notes`, supervisor, { text: 'Police referral chased' });
    expect(await delayed(position)).toEqual([id]);

    // Tuesday a bank holiday: 2 working days, in time; the list and the case page agree.
    const holiday = await addHoliday(addDays(monday, 1));
    expect(await delayed(holiday.position)).toEqual([]);
    expect((await request('GET', `/api/referrals/${id}`, supervisor)).json().referralDelay).toEqual({ workingDaysFromReport: 2, policeReferralDelayed: false });
  });

  it('gives the same order after the lists are rebuilt from the log', async () => {
    const before = {
      complaints: (await request('GET', '/api/complaints?q=Reorder', officer)).json().items,
      caseload: (await request('GET', '/api/referrals?caseManager=me', await bearer(['case_manager'], 'cm-due-order-first-update'))).json().items,
    };
    for (const name of ['referral-list', 'complaint-list']) expect((await request('POST', `/api/admin/projections/${name}/rebuild`, admin, {})).statusCode).toBe(202);
    const rebuilding = async () => (await request('GET', '/api/admin/projections', admin)).json<{ state: string }[]>().some(({ state }) => state === 'rebuilding');
    const deadline = Date.now() + 60_000;
    while ((await rebuilding()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await rebuilding()).toBe(false);
    expect({
      complaints: (await request('GET', '/api/complaints?q=Reorder', officer)).json().items,
      caseload: (await request('GET', '/api/referrals?caseManager=me', await bearer(['case_manager'], 'cm-due-order-first-update'))).json().items,
    }).toEqual(before);
  });
});
