import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { englandAndWalesCalendar } from '../../src/calendar/england-and-wales.ts';
import { addDays, londonDate } from '../../src/calendar/working-days.ts';
import { bearer, startTestApp, type TestApp } from '../support/test-app.ts';

describe("statutory clocks: the Victims' Code update clock follows the entitlement and the calendar as they stand", () => {
  let harness: TestApp;
  let caseManager: string;
  let admin: string;
  let officer: string;

  beforeAll(async () => {
    harness = await startTestApp();
    caseManager = await bearer(['case_manager'], 'cm-clocks');
    admin = await bearer(['admin'], 'admin-clocks');
    officer = await bearer(['crt_officer'], 'crt-clocks');
  });
  afterAll(() => harness.close());

  const request = (method: 'GET' | 'POST', url: string, authorization: string, payload?: object, headers: Record<string, string> = {}) =>
    harness.request({ method, url, payload, headers: { authorization, ...headers } });
  /** The bank holidays the tests add, in the order added: the service's calendar is the shipped one with these. */
  const addedHolidays: string[] = [];
  const addBankHoliday = async (day: string) => {
    addedHolidays.push(day);
    return (await request('POST', '/api/admin/settings/lists/bankHolidays/entries', admin, { id: day, label: 'One-off bank holiday' })).json<{ position: string }>();
  };
  const receive = async (crimeType: string, name: string) => {
    const body = { source: 'self', crimeType, victim: { name }, consent: { contact: true, dataSharing: true, basis: 'explicit' } };
    return (await request('POST', '/api/referrals', caseManager, body)).json<{ id: string }>().id;
  };
  const learnArrest = async (id: string) => {
    const learnedAt = new Date().toISOString();
    const learned = (await request('POST', `/api/referrals/${id}/cj-events`, caseManager, { kind: 'arrest', learnedAt })).json<{ position: string }>();
    return { learnedAt, position: learned.position };
  };
  const owed = async (id: string, position: string) => {
    const page = (await request('GET', `/api/referrals/${id}`, caseManager, undefined, { 'x-min-position': position })).json();
    return { enhanced: page.enhanced, update: page.openCriminalJusticeUpdates[0], clock: page.criminalJustice[0] };
  };

  it('runs the enhanced clock from receipt for a victim proposed for a priority group, and follows the assessment after', async () => {
    const calendar = englandAndWalesCalendar();
    const id = await receive('domestic-abuse', 'Dora Clockwise');
    const { learnedAt, position } = await learnArrest(id);
    const before = await owed(id, position);
    expect(before).toMatchObject({ enhanced: true, update: { dueBy: calendar.dueAfter(learnedAt, 1) }, clock: { enhanced: true } });
    const listedAs = async (enhanced: boolean, at: string) =>
      (await request('GET', `/api/referrals?q=Clockwise&enhanced=${enhanced}`, caseManager, undefined, { 'x-min-position': at })).json().items.map((item: { id: string; enhanced: boolean }) => [item.id, item.enhanced]);
    expect({ enhanced: await listedAs(true, position), standard: await listedAs(false, position) }).toEqual({ enhanced: [[id, true]], standard: [] });

    const override = { needs: ['emotional'], riskLevel: 'standard', priorityGroups: [], overrideReason: 'A neighbour, not a partner' };
    const assessed = (await request('POST', `/api/referrals/${id}/assess`, caseManager, override)).json<{ position: string }>();
    expect(await owed(id, assessed.position)).toMatchObject({ enhanced: false, update: { dueBy: calendar.dueAfter(learnedAt, 5) }, clock: { enhanced: false } });
    expect({ enhanced: await listedAs(true, assessed.position), standard: await listedAs(false, assessed.position) }).toEqual({ enhanced: [], standard: [[id, false]] });
  });

  it('moves a running deadline, on the page and in the list, when a bank holiday is added on its due day', async () => {
    const id = await receive('burglary', 'Hollis Holidayed');
    const { learnedAt, position } = await learnArrest(id);
    const due = englandAndWalesCalendar().dueAfter(learnedAt, 5);
    expect((await owed(id, position)).update.dueBy).toBe(due);

    const added = await addBankHoliday(due);
    const moved = englandAndWalesCalendar([due]).dueAfter(learnedAt, 5);
    expect(moved).not.toBe(due);
    expect((await owed(id, position)).update.dueBy).toBe(moved);
    const listed = (await request('GET', '/api/referrals?q=Hollis', caseManager, undefined, { 'x-min-position': added.position ?? position })).json();
    expect(listed.items).toMatchObject([{ id, nextUpdateDue: moved, updateOverdue: false }]);
    const overdue = async (flag: boolean) => (await request('GET', `/api/referrals?q=Hollis&overdue=${flag}`, caseManager)).json().items.map((item: { id: string }) => item.id);
    expect({ overdue: await overdue(true), notOverdue: await overdue(false) }).toEqual({ overdue: [], notOverdue: [id] });
  });

  it('orders and filters the due list by the moved deadline when a bank holiday is added on its due day', async () => {
    const soon = await receive('domestic-abuse', 'Olive Orderly');
    const { position } = await learnArrest(soon);
    const due: string = (await owed(soon, position)).update.dueBy;
    const dueByIds = async (day: string) => (await request('GET', `/api/referrals?q=Orderly&dueBy=${day}`, caseManager)).json().items.map((item: { id: string }) => item.id);
    expect(await dueByIds(due)).toEqual([soon]);

    await addBankHoliday(due);
    const moved: string = (await owed(soon, position)).update.dueBy;
    expect(moved > due).toBe(true);
    // A weekly contact due on the morning of the moved day: before the moved update, after the update as it was.
    const contactDue = `${moved}T09:00:00.000Z`;
    const contactFrom = new Date(Date.parse(contactDue) - 7 * 86_400_000).toISOString();
    const body = { source: 'self', crimeType: 'burglary', victim: { name: 'Otto Orderly' }, consent: { contact: true, dataSharing: true, basis: 'explicit' }, receivedAt: contactFrom };
    const contacted = (await request('POST', '/api/referrals', caseManager, body)).json<{ id: string }>().id;
    await request('POST', `/api/referrals/${contacted}/contact-contract`, caseManager, { frequency: 'weekly', channel: 'phone' });
    const made = (await request('POST', `/api/referrals/${contacted}/contacts`, caseManager, { outcome: 'made', channel: 'phone', at: contactFrom })).json<{ position: string }>();
    const page = (await request('GET', `/api/referrals/${contacted}`, caseManager, undefined, { 'x-min-position': made.position })).json();
    expect(page.contact.nextDue).toBe(contactDue);

    expect({ dueBefore: await dueByIds(due), dueOnMovedDay: await dueByIds(moved) }).toEqual({ dueBefore: [], dueOnMovedDay: [contacted, soon] });
  });

  it('orders the complaint list by the moved deadline when a bank holiday is added on its due day', async () => {
    // A past Friday, well before the days the other tests count on, with working days either side of its weekend.
    const calendar = englandAndWalesCalendar();
    let friday = addDays(londonDate(new Date()), -35);
    const isFriday = (day: string) => new Date(`${day}T12:00:00Z`).getUTCDay() === 5;
    while (!isFriday(friday) || ![-2, -1, 0, 3].every((offset) => calendar.isWorkingDay(addDays(friday, offset)))) friday = addDays(friday, -1);
    const log = async (name: string, receivedOn: string) =>
      (await request('POST', '/api/complaints', officer, { receivedAt: `${receivedOn}T12:00:00Z`, channel: 'email', complainant: { name }, summary: 'Waiting', subjects: [{ kind: 'force' }] })).json<{ id: string }>().id;
    // First contact due on the Friday: two working days after the Wednesday.
    const contactDue = await log('Xena Sorty', addDays(friday, -2));
    // Contacted, and handled from 28 days before the Saturday: a progress update due that Saturday.
    const updateDue = await log('Yuri Sorty', addDays(friday, -29));
    await request('POST', `/api/complaints/${updateDue}/contact-complainant`, officer, { at: `${addDays(friday, -28)}T12:00:00Z`, channel: 'phone', views: 'Wants an apology' });
    const allegations = [{ category: 'individual-behaviours', description: 'Rude on the phone', subject: { kind: 'force' }, criteria: {} }];
    const handled = (await request('POST', `/api/complaints/${updateDue}/handle-outside-schedule-3`, officer, { allegations, at: `${addDays(friday, -27)}T12:00:00Z` })).json<{ position: string }>();
    const listed = async (at: string) =>
      (await request('GET', '/api/complaints?q=Sorty', officer, undefined, { 'x-min-position': at })).json().items.map(({ id, nextDue }: { id: string; nextDue: string }) => [id, nextDue]);
    expect(await listed(handled.position)).toEqual([[contactDue, friday], [updateDue, addDays(friday, 1)]]);

    const added = await addBankHoliday(friday);
    expect(await listed(added.position)).toEqual([[updateDue, addDays(friday, 1)], [contactDue, addDays(friday, 3)]]);
  });

  it('runs the contact clock of an untriaged complaint from receipt, on the complainant\'s page too, and shows it overdue', async () => {
    const receivedAt = new Date(Date.now() - 10 * 86_400_000).toISOString();
    const body = { receivedAt, channel: 'email', complainant: { name: 'Una Triaged' }, summary: 'Nobody called me back', subjects: [{ kind: 'force' }] };
    const logged = (await request('POST', '/api/complaints', officer, body)).json<{ id: string; position: string }>();
    const contactDue = englandAndWalesCalendar().dueAfter(receivedAt, 2);
    const view = (await request('GET', `/api/complaints/${logged.id}`, officer, undefined, { 'x-min-position': logged.position })).json();
    expect(view).toMatchObject({ route: 'untriaged', due: { contact: { dueBy: contactDue, overdue: true } }, overdue: true });
    const status = (await request('GET', `/api/complaints/${logged.id}/status`, officer, undefined, { 'x-min-position': logged.position })).json();
    expect(status).toMatchObject({ stage: 'received', nextUpdateDue: contactDue, nextUpdateOverdue: true });
  });

  // Last: the bank holiday it adds lies in the past, where the tests above count on the shipped calendar.
  it("reads the complaint list's due date and overdue flag on the calendar as it stands", async () => {
    // With the days the tests above added: at a weekend, the enhanced clock's next working day is a coming Monday.
    const calendar = englandAndWalesCalendar(addedHolidays);
    const workingDayBefore = (day: string) => {
      let before = addDays(day, -1);
      while (!calendar.isWorkingDay(before)) before = addDays(before, -1);
      return before;
    };
    // Received two working days before the last working day, so first contact was due then: overdue today.
    const due = workingDayBefore(londonDate(new Date()));
    const receivedOn = workingDayBefore(workingDayBefore(due));
    const body = { receivedAt: `${receivedOn}T12:00:00Z`, channel: 'email', complainant: { name: 'Hal Holiday' }, summary: 'No reply yet', subjects: [{ kind: 'force' }] };
    const logged = (await request('POST', '/api/complaints', officer, body)).json<{ id: string; position: string }>();
    const listed = async (query: string, at: string) =>
      (await request('GET', `/api/complaints?q=Hal%20Holiday${query}`, officer, undefined, { 'x-min-position': at })).json().items.map(({ id, nextDue, overdue }: { id: string; nextDue: string; overdue: boolean }) => ({ id, nextDue, overdue }));
    expect(await listed('&overdue=true', logged.position)).toEqual([{ id: logged.id, nextDue: due, overdue: true }]);

    const added = await addBankHoliday(due);
    const moved = englandAndWalesCalendar(addedHolidays).addWorkingDays(receivedOn, 2);
    expect(await listed('&overdue=false', added.position)).toEqual([{ id: logged.id, nextDue: moved, overdue: false }]);
    expect(await listed('&overdue=true', added.position)).toEqual([]);
  });
});
