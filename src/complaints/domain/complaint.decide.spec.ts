import { describe, expect, it } from '@jest/globals';
import { englandAndWalesCalendar } from '../../calendar/england-and-wales.ts';
import { fold } from '../../shared/domain/decider.ts';
import { ruleOf, violationOf } from '../../shared/domain/rule-violations.testing.ts';
import { complaintDecider, type ComplaintCommand, type LogComplaint, type NewAllegation, type RecordComplainantDemographics } from './complaint.decide.ts';
import type { ComplaintEvent } from './complaint.events.ts';
import { complaintStage, type LoggedComplaint } from './complaint.state.ts';
import { NO_CRITERIA, RECORDING_CRITERIA, type Criterion } from './criteria.ts';
import { addMonths, onCalendar } from './deadlines.ts';
import { dueClocks, nextDueOn, outstandingDeadlines } from './due-dates.ts';

const calendar = englandAndWalesCalendar();
const now = new Date('2027-06-01T12:00:00Z');
const at = { metadata: { now } };

const logCommand = (overrides: Partial<LogComplaint> = {}): LogComplaint => ({
  type: 'LogComplaint',
  complaintId: 'c-1',
  reference: 'CRT-C1',
  receivedAt: '2026-03-02T07:00:00.000Z',
  channel: 'email',
  complainant: { subjectId: 's-1', name: 'Carl Complainant', email: 'carl@example.org', phone: null, address: null },
  summary: 'The officer was rude to me at the front desk',
  incidentDate: '2026-02-27',
  subjects: [{ subjectId: 's-2', kind: 'officer', identifier: 'PC 1234' }],
  wantsRecording: false,
  calendar,
  ...at,
  ...overrides,
});

const allegation = (flags: Partial<Record<Criterion, boolean>> = {}, overrides: Partial<NewAllegation> = {}): NewAllegation => ({
  category: 'individual-behaviours',
  description: 'Impolite language and tone',
  subject: { subjectId: 's-new', kind: 'officer', identifier: 'PC 1234' },
  criteria: { ...NO_CRITERIA, ...flags },
  ...overrides,
});

const given = (events: ComplaintEvent[]) => fold(complaintDecider, events) as LoggedComplaint;
const whenThen = (history: ComplaintEvent[], command: ComplaintCommand) => complaintDecider.decide(command, fold(complaintDecider, history));
/** The command with the effective time a user gave. */
const dated = (command: ComplaintCommand, effective: string) => ({ ...command, at: effective }) as ComplaintCommand;
const apply = (history: ComplaintEvent[], ...commands: ComplaintCommand[]) => commands.reduce((events, command) => [...events, ...whenThen(events, command)], history);


const logged = apply([], logCommand());
const handleOutside = (...allegations: NewAllegation[]): ComplaintCommand => ({ type: 'HandleOutsideSchedule3', allegations, ...at });
const resolve = (complainantSatisfied: boolean): ComplaintCommand => ({ type: 'ResolveOutsideSchedule3', summary: 'Apology given', complainantSatisfied, ...at });
const recordCommand = (reason: 'complainant-request' | 'mandatory-criteria' | 'dissatisfied-with-initial-handling', ...allegations: NewAllegation[]): ComplaintCommand => ({
  type: 'RecordComplaint',
  reason,
  allegations,
  ...at,
});
const refer = (to: 'psd' | 'iopc'): ComplaintCommand => ({ type: 'ReferComplaint', to, reason: 'For investigation', ...at });
const decideOutcome = (decidedAt: string): ComplaintCommand => ({ type: 'DecideOutcome', result: 'service-not-acceptable', learning: 'Refresher training', decidedAt, calendar, ...at });
const notify = (when: string, onCalendar = calendar): ComplaintCommand => ({ type: 'NotifyOutcome', at: when, calendar: onCalendar, ...at });
const requestReview = (receivedAt: string): ComplaintCommand => ({ type: 'RequestReview', receivedAt, ...at });
const decideReview = (upheld: boolean): ComplaintCommand => ({ type: 'DecideReview', upheld, recommendations: upheld ? 'Reconsider the outcome' : null, ...at });
const recordIopcDecision = (receivedAt: string): ComplaintCommand => ({ type: 'RecordIopcReviewDecision', upheld: true, recommendations: 'Re-investigate the arrest', receivedAt, ...at });

/** Recorded on 2026-03-02 (received the same day) and referred to the PSD. */
const recordedWithPsd = apply(logged, { ...recordCommand('complainant-request', allegation()), metadata: { now: new Date('2026-03-02T08:00:00Z') } }, dated(refer('psd'), '2026-03-02T09:00:00.000Z'));

describe('logging a complaint', () => {
  it('records it with the first-contact target two working days on, over the Easter bank holidays', () => {
    const [event] = whenThen([], logCommand({ receivedAt: '2026-04-02T10:00:00.000Z' }));
    // Thursday 2 April 2026; Good Friday (3rd) and Easter Monday (6th) are not working days.
    expect(event).toMatchObject({ type: 'ComplaintLogged', data: { complaintId: 'c-1', reference: 'CRT-C1', contactDueBy: '2026-04-08' } });
    expect(event!.data).not.toHaveProperty('calendar');
    expect(complaintStage(given([event!]))).toBe('logged');
  });

  it('refuses a receipt in the future, an incident after receipt, and logging twice', () => {
    expect(ruleOf(() => whenThen([], logCommand({ receivedAt: '2027-06-02T00:00:00.000Z' })))).toBe('received-in-future');
    expect(ruleOf(() => whenThen([], logCommand({ incidentDate: '2026-03-03' })))).toBe('incident-after-receipt');
    expect(ruleOf(() => whenThen(logged, logCommand()))).toBe('complaint-already-logged');
  });

  it('refuses, from any caller, a complainant without a name, a receipt without a time, and text no store can hold in any field', () => {
    const complainant = logCommand().complainant;
    expect(ruleOf(() => whenThen([], logCommand({ complainant: { ...complainant, name: '' } })))).toBe('complainant-name-required');
    expect(ruleOf(() => whenThen([], logCommand({ complainant: [complainant] as unknown as LogComplaint['complainant'] })))).toBe('complainant-name-required');
    expect(ruleOf(() => whenThen([], logCommand({ receivedAt: undefined as unknown as string })))).toBe('receipt-time-required');
    expect(ruleOf(() => whenThen([], logCommand({ summary: 'Rude\u0000' })))).toBe('unstorable-text');
    expect(ruleOf(() => whenThen(logged, { type: 'WithdrawComplaint', reason: 'Withdrawn \udc00', ...at }))).toBe('unstorable-text');
  });
});

describe('contacting the complainant', () => {
  const contact = (when: string): ComplaintCommand => ({ type: 'ContactComplainant', at: when, channel: 'phone', views: 'Wants an apology', calendar, ...at });
  const easter = apply([], logCommand({ receivedAt: '2026-04-02T10:00:00.000Z' }));

  it('records the working days from receipt, skipping weekends and bank holidays', () => {
    const [event] = whenThen(easter, contact('2026-04-07T09:00:00.000Z'));
    expect(event).toMatchObject({ type: 'ComplainantContacted', data: { subjectId: 's-1', workingDaysFromReceipt: 1 } });
    expect(whenThen(easter, contact('2026-04-02T15:00:00.000Z'))[0]).toMatchObject({ data: { workingDaysFromReceipt: 0 } });
    expect(whenThen(easter, contact('2026-04-09T15:00:00.000Z'))[0]).toMatchObject({ data: { workingDaysFromReceipt: 3 } });
  });

  it('keeps the first contact for the measure when there are more', () => {
    const history = apply(easter, contact('2026-04-08T09:00:00.000Z'), contact('2026-04-07T09:00:00.000Z'), contact('2026-04-20T09:00:00.000Z'));
    expect(given(history).contact).toEqual({ firstAt: '2026-04-07T09:00:00.000Z', workingDaysFromReceipt: 1, lastAt: '2026-04-20T09:00:00.000Z' });
  });

  it('refuses a contact before receipt or in the future', () => {
    expect(ruleOf(() => whenThen(easter, contact('2026-04-01T09:00:00.000Z')))).toBe('contact-before-receipt');
    expect(ruleOf(() => whenThen(easter, contact('2027-07-01T09:00:00.000Z')))).toBe('contact-in-future');
  });
});

describe('handling outside Schedule 3', () => {
  it('starts handling with the first update due 4 weeks on, and numbers the allegations', () => {
    const events = whenThen(logged, handleOutside(allegation(), allegation({}, { category: 'delivery-of-duties-and-service' })));
    expect(events.map((event) => event.type)).toEqual(['HandlingOutsideSchedule3Started', 'AllegationAdded', 'AllegationAdded']);
    expect(events[0]).toMatchObject({ data: { startedAt: now.toISOString(), nextUpdateDue: '2027-06-29' } });
    expect(events[2]).toMatchObject({ data: { allegationId: '2', complainantSubjectId: 's-1', category: 'delivery-of-duties-and-service' } });
    expect(events[1]).toMatchObject({ data: { subject: { subjectId: 's-2', identifier: 'PC 1234' } } });
    expect(complaintStage(given([...logged, ...events]))).toBe('handling-outside-schedule-3');
  });

  it('is refused when the complainant wants the complaint recorded', () => {
    const wants = apply([], logCommand({ wantsRecording: true }));
    expect(ruleOf(() => whenThen(wants, handleOutside(allegation())))).toBe('complainant-wants-recording');
  });

  it.each(RECORDING_CRITERIA)('is refused, naming the criterion, when an allegation alleges %s', (criterion) => {
    const violation = violationOf(() => whenThen(logged, handleOutside(allegation(), allegation({ [criterion]: true }))));
    expect(violation.rule).toBe('mandatory-recording-criterion');
    expect(violation.message).toContain(`(${criterion})`);
  });

  it('may handle a complaint about a chief officer informally, and is refused once triaged', () => {
    const chief = whenThen(logged, handleOutside(allegation({ chiefOfficer: true })));
    expect(chief).toHaveLength(2);
    expect(ruleOf(() => whenThen([...logged, ...chief], handleOutside(allegation())))).toBe('already-triaged');
    expect(ruleOf(() => whenThen(recordedWithPsd, handleOutside(allegation())))).toBe('already-triaged');
  });
});

describe('resolving outside Schedule 3', () => {
  const handled = apply(logged, handleOutside(allegation()));

  it('ends handling when the complainant is satisfied', () => {
    const resolved = apply(handled, resolve(true));
    expect(complaintStage(given(resolved))).toBe('resolved');
    expect(given(resolved).updates.nextDue).toBeNull();
    expect(ruleOf(() => whenThen(resolved, resolve(false)))).toBe('already-resolved');
    expect(ruleOf(() => whenThen(resolved, { type: 'WithdrawComplaint', reason: 'x', ...at }))).toBe('handling-finished');
  });

  it('is refused for a complaint not handled outside Schedule 3', () => {
    expect(ruleOf(() => whenThen(logged, resolve(true)))).toBe('not-handled-outside-schedule-3');
    expect(ruleOf(() => whenThen(recordedWithPsd, resolve(true)))).toBe('not-handled-outside-schedule-3');
  });
});

describe('recording under Schedule 3', () => {
  const handled = apply(logged, handleOutside(allegation()));

  it('records a dissatisfied complainant, keeping the allegations from triage and adding new ones', () => {
    const dissatisfied = apply(handled, resolve(false));
    expect(complaintStage(given(dissatisfied))).toBe('resolution-unsatisfactory');
    const events = whenThen(dissatisfied, recordCommand('dissatisfied-with-initial-handling', allegation({}, { category: 'discreditable-conduct' })));
    expect(events).toEqual([
      { type: 'ComplaintRecorded', data: { complaintId: 'c-1', reason: 'dissatisfied-with-initial-handling', recordedAt: now.toISOString(), nextUpdateDue: '2027-06-29' } },
      expect.objectContaining({ type: 'AllegationAdded', data: expect.objectContaining({ allegationId: '2' }) }),
    ]);
    const state = given([...dissatisfied, ...events]);
    expect(state).toMatchObject({ route: 'recorded', allegations: [{ allegationId: '1' }, { allegationId: '2' }] });
    expect(complaintStage(state)).toBe('recorded');
  });

  it('needs the complainant to have been dissatisfied for that reason, but records on request at any time', () => {
    expect(ruleOf(() => whenThen(handled, recordCommand('dissatisfied-with-initial-handling')))).toBe('complainant-not-dissatisfied');
    const satisfied = apply(handled, resolve(true));
    expect(ruleOf(() => whenThen(satisfied, recordCommand('dissatisfied-with-initial-handling')))).toBe('complainant-not-dissatisfied');
    expect(whenThen(satisfied, recordCommand('complainant-request'))).toHaveLength(1);
  });

  it('needs an allegation, and one meeting a criterion when recorded for mandatory criteria', () => {
    expect(ruleOf(() => whenThen(logged, recordCommand('complainant-request')))).toBe('allegations-required');
    expect(ruleOf(() => whenThen(logged, recordCommand('mandatory-criteria', allegation({ chiefOfficer: true }))))).toBe('no-mandatory-criterion');
    expect(whenThen(logged, recordCommand('mandatory-criteria', allegation({ article2Or3: true })))).toHaveLength(2);
    expect(ruleOf(() => whenThen(recordedWithPsd, recordCommand('complainant-request')))).toBe('already-recorded');
  });

  it('starts the long-running clock: 12 months from receipt, then every 6 months', () => {
    expect(given(recordedWithPsd).longRunning).toEqual({ reportsMade: 0, lastReportAt: null, nextReportDue: '2027-03-02' });
  });
});

describe('referral to the PSD or the IOPC', () => {
  const recordedWith = (...allegations: NewAllegation[]) => apply(logged, recordCommand('complainant-request', ...allegations));

  it('refers an ordinary recorded complaint to the PSD, and may escalate it to the IOPC', () => {
    expect(complaintStage(given(recordedWithPsd))).toBe('referred-to-psd');
    const escalated = apply(recordedWithPsd, refer('iopc'));
    expect(complaintStage(given(escalated))).toBe('referred-to-iopc');
    expect(ruleOf(() => whenThen(escalated, refer('psd')))).toBe('already-referred');
    expect(ruleOf(() => whenThen(recordedWithPsd, refer('psd')))).toBe('already-referred');
  });

  it('refuses referral before recording', () => {
    expect(ruleOf(() => whenThen(logged, refer('psd')))).toBe('not-recorded');
  });

  it.each(['deathOrSeriousInjury', 'seriousAssault', 'seriousSexualOffence', 'seriousCorruption', 'discrimination', 'chiefOfficer'] as Criterion[])(
    'refuses the PSD alone when an allegation involves %s, and records the criterion on the IOPC referral',
    (criterion) => {
      const recorded = recordedWith(allegation(), allegation({ [criterion]: true }));
      const violation = violationOf(() => whenThen(recorded, refer('psd')));
      expect(violation.rule).toBe('iopc-referral-mandatory');
      expect(violation.message).toContain(`(${criterion})`);
      expect(whenThen(recorded, refer('iopc'))).toEqual([{ type: 'ReferredToIopc', data: expect.objectContaining({ mandatoryCriteria: [criterion] }) }]);
    },
  );

  it('treats a complaint about a chief officer as a mandatory IOPC referral even without the flag', () => {
    const aboutChief = apply([], logCommand({ subjects: [{ subjectId: 's-3', kind: 'chief-officer', identifier: null }] }), recordCommand('complainant-request', allegation()));
    expect(ruleOf(() => whenThen(aboutChief, refer('psd')))).toBe('iopc-referral-mandatory');
  });

  it('lets a criminal-or-disciplinary allegation without an IOPC criterion go to the PSD', () => {
    expect(whenThen(recordedWith(allegation({ criminalOrDisciplinary: true })), refer('psd'))).toHaveLength(1);
  });
});

describe('progress updates', () => {
  const update = (when: string): ComplaintCommand => ({ type: 'UpdateComplainant', at: when, channel: 'email', summary: 'Enquiries continue', ...at });

  it('falls due 4 weeks after handling starts, then 4 weeks after each update', () => {
    expect(given(recordedWithPsd).updates).toEqual({ lastAt: null, nextDue: '2026-03-30' });
    const updated = apply(recordedWithPsd, update('2026-03-20T16:00:00.000Z'));
    expect(given(updated).updates).toEqual({ lastAt: '2026-03-20T16:00:00.000Z', nextDue: '2026-04-17' });
  });

  it('counts the 4 weeks from the date in England (an update at 23:30 BST is the next day)', () => {
    expect(given(apply(recordedWithPsd, update('2026-06-30T23:30:00.000Z'))).updates.nextDue).toBe('2026-07-29');
  });

  it('keeps the last update and the next due date when an older update is entered late', () => {
    const updated = apply(recordedWithPsd, update('2026-03-20T16:00:00.000Z'));
    const [late] = whenThen(updated, update('2026-03-05T10:00:00.000Z'));
    expect(late).toMatchObject({ type: 'ComplainantUpdated', data: { at: '2026-03-05T10:00:00.000Z', nextUpdateDue: '2026-04-17' } });
    expect(given([...updated, late!]).updates).toEqual({ lastAt: '2026-03-20T16:00:00.000Z', nextDue: '2026-04-17' });
  });

  it('does not bring the due date forward with an update dated before handling started', () => {
    const outside = apply(logged, { ...handleOutside(allegation()), metadata: { now: new Date('2026-03-02T08:00:00Z') } }, update('2026-03-10T10:00:00.000Z'));
    const recorded = apply(outside, { ...recordCommand('complainant-request'), metadata: { now: new Date('2026-03-16T08:00:00Z') } });
    expect(given(recorded).updates.nextDue).toBe('2026-04-13');
    const [late] = whenThen(recorded, update('2026-03-12T10:00:00.000Z'));
    expect(late).toMatchObject({ data: { nextUpdateDue: '2026-04-13' } });
  });

  it('is refused before handling starts and once handling has finished', () => {
    expect(ruleOf(() => whenThen(logged, update('2026-03-03T10:00:00.000Z')))).toBe('handling-not-started');
    const resolved = apply(logged, handleOutside(allegation()), resolve(true));
    expect(ruleOf(() => whenThen(resolved, update('2027-05-03T10:00:00.000Z')))).toBe('handling-finished');
    expect(ruleOf(() => whenThen(recordedWithPsd, update('2027-07-03T10:00:00.000Z')))).toBe('update-in-future');
  });
});

describe('the outcome and telling the complainant', () => {
  it('is due to the complainant 5 working days after the decision, over Easter', () => {
    // Decided Thursday 2 April 2026: Tue 7, Wed 8, Thu 9, Fri 10, Mon 13.
    const [event] = whenThen(recordedWithPsd, decideOutcome('2026-04-02T15:00:00.000Z'));
    expect(event).toEqual({
      type: 'OutcomeDecided',
      data: { complaintId: 'c-1', result: 'service-not-acceptable', learning: 'Refresher training', decidedAt: '2026-04-02T15:00:00.000Z', notifyBy: '2026-04-13' },
    });
    expect(whenThen(recordedWithPsd, decideOutcome('2026-03-09T15:00:00.000Z'))[0]).toMatchObject({ data: { notifyBy: '2026-03-16' } });
  });

  it('flags the notification in time on the fifth working day and late on the day after', () => {
    const decided = apply(recordedWithPsd, decideOutcome('2026-04-02T15:00:00.000Z'));
    expect(whenThen(decided, notify('2026-04-13T16:00:00.000Z'))[0]).toMatchObject({ data: { notifiedInTime: true } });
    expect(whenThen(decided, notify('2026-04-14T08:00:00.000Z'))[0]).toMatchObject({ data: { notifiedInTime: false } });
  });

  it('needs a recorded, referred complaint and decides once', () => {
    const recorded = apply(logged, recordCommand('complainant-request', allegation()));
    expect(ruleOf(() => whenThen(recorded, decideOutcome('2027-05-01T10:00:00.000Z')))).toBe('not-referred');
    expect(ruleOf(() => whenThen(logged, decideOutcome('2026-05-01T10:00:00.000Z')))).toBe('not-recorded');
    const decided = apply(recordedWithPsd, decideOutcome('2026-04-02T15:00:00.000Z'));
    expect(ruleOf(() => whenThen(decided, decideOutcome('2026-04-03T15:00:00.000Z')))).toBe('outcome-already-decided');
    expect(ruleOf(() => whenThen(decided, refer('iopc')))).toBe('outcome-already-decided');
    expect(ruleOf(() => whenThen(recordedWithPsd, decideOutcome('2026-03-01T15:00:00.000Z')))).toBe('decided-before-receipt');
    expect(ruleOf(() => whenThen(recordedWithPsd, notify('2026-04-02T15:00:00.000Z')))).toBe('outcome-not-decided');
    expect(ruleOf(() => whenThen(decided, notify('2026-04-01T15:00:00.000Z')))).toBe('notified-before-decision');
    const notified = apply(decided, notify('2026-04-03T10:00:00.000Z'));
    expect(ruleOf(() => whenThen(notified, notify('2026-04-04T10:00:00.000Z')))).toBe('outcome-already-notified');
    expect(complaintStage(given(notified))).toBe('outcome-notified');
  });
});

describe('effective times: clocks start when the decision was made, in order, never in the future', () => {
  const october = '2026-10-05T09:00:00.000Z';
  const receivedInOctober = apply([], logCommand({ receivedAt: '2026-10-01T09:00:00.000Z' }));

  it('starts the 4-weekly updates from a recording typed in later, and dates the event when it was made', () => {
    const recorded = apply(receivedInOctober, dated(recordCommand('complainant-request', allegation()), october));
    expect(recorded.at(-2)).toMatchObject({ type: 'ComplaintRecorded', data: { recordedAt: october, nextUpdateDue: '2026-11-02' } });
    const handled = apply(receivedInOctober, dated(handleOutside(allegation()), october));
    expect(given(handled)).toMatchObject({ handlingStartedAt: october, updates: { nextDue: '2026-11-02' } });
    const referred = apply(recorded, dated(refer('psd'), '2026-10-06T09:00:00.000Z'));
    expect(given(referred).referrals).toMatchObject([{ to: 'psd', at: '2026-10-06T09:00:00.000Z' }]);
  });

  it('refuses a step dated before the complaint, before the step it follows, or in the future', () => {
    const beforeReceipt = '2026-09-30T09:00:00.000Z';
    expect(ruleOf(() => whenThen(receivedInOctober, dated(recordCommand('complainant-request', allegation()), beforeReceipt)))).toBe('recorded-before-receipt');
    expect(ruleOf(() => whenThen(receivedInOctober, dated(handleOutside(allegation()), beforeReceipt)))).toBe('handled-before-receipt');
    expect(ruleOf(() => whenThen(receivedInOctober, { type: 'WithdrawComplaint', reason: 'No longer wishes to complain', at: beforeReceipt, ...at }))).toBe('withdrawn-before-receipt');
    expect(ruleOf(() => whenThen(receivedInOctober, dated(recordCommand('complainant-request', allegation()), '2027-06-02T09:00:00.000Z')))).toBe('recorded-in-future');

    const recorded = apply(receivedInOctober, dated(recordCommand('complainant-request', allegation()), october));
    expect(ruleOf(() => whenThen(recorded, dated(refer('psd'), '2026-10-02T09:00:00.000Z')))).toBe('referred-before-recording');
    const handled = apply(receivedInOctober, dated(handleOutside(allegation()), october));
    expect(ruleOf(() => whenThen(handled, dated(resolve(false), '2026-10-02T09:00:00.000Z')))).toBe('resolved-before-handling');
    expect(ruleOf(() => whenThen(handled, dated(recordCommand('complainant-request'), '2026-10-02T09:00:00.000Z')))).toBe('recorded-before-handling');
  });

  it('refuses an outcome dated before the complaint was recorded or referred', () => {
    const recorded = apply(receivedInOctober, dated(recordCommand('complainant-request', allegation()), october));
    const referred = apply(recorded, dated(refer('psd'), '2026-10-07T09:00:00.000Z'));
    expect(ruleOf(() => whenThen(referred, decideOutcome('2026-10-02T09:00:00.000Z')))).toBe('decided-before-recording');
    expect(ruleOf(() => whenThen(referred, decideOutcome('2026-10-06T09:00:00.000Z')))).toBe('decided-before-referral');
    expect(whenThen(referred, decideOutcome('2026-10-08T09:00:00.000Z'))).toHaveLength(1);
  });
});

describe('working-day deadlines on the calendar as it stands', () => {
  it('moves the first contact and the outcome notification when a bank holiday is added after their clocks started', () => {
    const decided = apply(recordedWithPsd, decideOutcome('2026-03-09T10:00:00.000Z'));
    const shippedDue = given(decided).outcome!.notifyBy;
    const withHoliday = englandAndWalesCalendar([shippedDue]);
    const moved = onCalendar(given(decided), withHoliday);
    expect(moved.outcome!.notifyBy).toBe(withHoliday.dueAfter('2026-03-09T10:00:00.000Z', 5));
    expect(moved.outcome!.notifyBy > shippedDue).toBe(true);
    const dayAfter = `${moved.outcome!.notifyBy}T10:00:00.000Z`;
    expect(whenThen(decided, notify(dayAfter, withHoliday))[0]).toMatchObject({ data: { notifiedInTime: true } });
    expect(whenThen(decided, notify(dayAfter))[0]).toMatchObject({ data: { notifiedInTime: false } });

    const contactDue = given(logged).contactDueBy;
    expect(onCalendar(given(logged), englandAndWalesCalendar([contactDue])).contactDueBy > contactDue).toBe(true);
  });
});

describe('the review window: 28 days starting the day after the outcome is given', () => {
  // Told on Monday 2 March 2026: day 1 is 3 March, day 28 is 30 March (British Summer Time from 29 March).
  const notified = apply(recordedWithPsd, decideOutcome('2026-03-02T09:00:00.000Z'), notify('2026-03-02T10:00:00.000Z'));

  it('opens the day after and closes on the 28th day', () => {
    expect(given(notified).reviewWindow).toEqual({ opens: '2026-03-03', closes: '2026-03-30' });
  });

  it('accepts a request on the last day, even at 23:30 in England', () => {
    expect(whenThen(notified, requestReview('2026-03-30T12:00:00.000Z'))).toHaveLength(1);
    expect(whenThen(notified, requestReview('2026-03-30T22:30:00.000Z'))).toHaveLength(1);
  });

  it('refuses a request on the 29th day, including 00:30 in England that is still the 30th in UTC', () => {
    expect(ruleOf(() => whenThen(notified, requestReview('2026-03-30T23:30:00.000Z')))).toBe('review-window-closed');
    const late = violationOf(() => whenThen(notified, requestReview('2026-03-31T09:00:00.000Z')));
    expect(late.rule).toBe('review-window-closed');
    expect(late.message).toContain('2026-03-30');
  });

  it('accepts a request on the day of the outcome itself, but not before it was given', () => {
    expect(whenThen(notified, requestReview('2026-03-02T15:00:00.000Z'))).toHaveLength(1);
    expect(ruleOf(() => whenThen(notified, requestReview('2026-03-02T09:30:00.000Z')))).toBe('review-before-outcome');
  });

  it('refuses a request before the complainant was told the outcome, and a second request', () => {
    expect(ruleOf(() => whenThen(recordedWithPsd, requestReview('2026-03-10T10:00:00.000Z')))).toBe('outcome-not-notified');
    const requested = apply(notified, requestReview('2026-03-10T10:00:00.000Z'));
    expect(ruleOf(() => whenThen(requested, requestReview('2026-03-11T10:00:00.000Z')))).toBe('review-already-requested');
  });
});

describe('the review body and the review decision', () => {
  const throughOutcome = (history: ComplaintEvent[]) => apply(history, decideOutcome('2026-03-02T09:00:00.000Z'), notify('2026-03-02T10:00:00.000Z'), requestReview('2026-03-10T10:00:00.000Z'));
  const recordedWith = (...allegations: NewAllegation[]) => apply(logged, { ...recordCommand('complainant-request', ...allegations), metadata: { now: new Date('2026-03-02T08:00:00Z') } });

  it('is the PCC for an ordinary complaint handled by the PSD, who decides it once', () => {
    const requested = throughOutcome(recordedWithPsd);
    expect(given(requested).review).toEqual({ receivedAt: '2026-03-10T10:00:00.000Z', body: 'pcc', iopcReasons: [], decision: null });
    const decided = apply(requested, decideReview(true));
    expect(given(decided).review?.decision).toEqual({ upheld: true, recommendations: 'Reconsider the outcome', at: now.toISOString() });
    expect(complaintStage(given(decided))).toBe('review-decided');
    expect(ruleOf(() => whenThen(decided, decideReview(false)))).toBe('review-already-decided');
  });

  it.each([
    ['criminal-or-disciplinary', allegation({ criminalOrDisciplinary: true }), 'psd'],
    ['article-2-or-3', allegation({ article2Or3: true }), 'psd'],
    ['senior-officer', allegation({}, { subject: { subjectId: 's-9', kind: 'chief-officer', identifier: null } }), 'iopc'],
  ] as const)('is the IOPC where the complaint involves %s, and the PCC may not decide it', (reason, flagged, referTo) => {
    const requested = throughOutcome(apply(recordedWith(flagged), dated(refer(referTo), '2026-03-02T08:30:00.000Z')));
    expect(given(requested).review).toMatchObject({ body: 'iopc', iopcReasons: expect.arrayContaining([reason]) });
    expect(ruleOf(() => whenThen(requested, decideReview(false)))).toBe('review-body-is-iopc');
  });

  it('is the IOPC for a complaint referred to the IOPC', () => {
    const requested = throughOutcome(apply(recordedWithPsd, refer('iopc')));
    expect(given(requested).review).toMatchObject({ body: 'iopc', iopcReasons: ['referred-to-iopc'] });
  });

  it('refuses a decision before a review was requested', () => {
    expect(ruleOf(() => whenThen(recordedWithPsd, decideReview(true)))).toBe('review-not-requested');
    expect(ruleOf(() => whenThen(recordedWithPsd, recordIopcDecision('2026-04-01T10:00:00.000Z')))).toBe('review-not-requested');
  });
});

describe("recording the IOPC's review decision", () => {
  const requestedOfIopc = apply(recordedWithPsd, refer('iopc'), decideOutcome('2026-03-02T09:00:00.000Z'), notify('2026-03-02T10:00:00.000Z'), requestReview('2026-03-10T10:00:00.000Z'));

  it('records the decision as the IOPC made it, dated when the CRT received it: the review is decided', () => {
    const [event] = whenThen(requestedOfIopc, recordIopcDecision('2026-05-04T09:00:00.000Z'));
    expect(event).toEqual({
      type: 'IopcReviewDecisionReceived',
      data: { complaintId: 'c-1', subjectId: 's-1', upheld: true, recommendations: 'Re-investigate the arrest', receivedAt: '2026-05-04T09:00:00.000Z' },
    });
    const decided = given([...requestedOfIopc, event!]);
    expect(decided.review).toMatchObject({ body: 'iopc', decision: { upheld: true, recommendations: 'Re-investigate the arrest', at: '2026-05-04T09:00:00.000Z' } });
    expect(complaintStage(decided)).toBe('review-decided');
    expect(ruleOf(() => whenThen([...requestedOfIopc, event!], recordIopcDecision('2026-05-05T09:00:00.000Z')))).toBe('review-already-decided');
  });

  it("refuses it where the PCC reviews, and a decision received before the review was requested or in the future", () => {
    const requestedOfPcc = apply(recordedWithPsd, decideOutcome('2026-03-02T09:00:00.000Z'), notify('2026-03-02T10:00:00.000Z'), requestReview('2026-03-10T10:00:00.000Z'));
    expect(ruleOf(() => whenThen(requestedOfPcc, recordIopcDecision('2026-05-04T09:00:00.000Z')))).toBe('review-body-is-pcc');
    expect(ruleOf(() => whenThen(requestedOfIopc, recordIopcDecision('2026-03-10T09:59:59.000Z')))).toBe('decision-before-review-request');
    expect(ruleOf(() => whenThen(requestedOfIopc, recordIopcDecision('2027-06-01T12:00:01.000Z')))).toBe('received-in-future');
  });
});

describe('long-running reports to the PCC', () => {
  const report = (when: string): ComplaintCommand => ({ type: 'ReportLongRunning', at: when, ...at });

  it('is not due before 12 months from receipt, then falls due every 6 months', () => {
    expect(ruleOf(() => whenThen(recordedWithPsd, report('2027-03-01T10:00:00.000Z')))).toBe('long-running-report-not-due');
    const first = apply(recordedWithPsd, report('2027-03-02T10:00:00.000Z'));
    expect(given(first).longRunning).toEqual({ reportsMade: 1, lastReportAt: '2027-03-02T10:00:00.000Z', nextReportDue: '2027-09-02' });
    expect(ruleOf(() => whenThen(first, report('2027-05-02T10:00:00.000Z')))).toBe('long-running-report-not-due');
  });

  it('is refused for a complaint not recorded or whose outcome is decided', () => {
    expect(ruleOf(() => whenThen(logged, report('2027-03-02T10:00:00.000Z')))).toBe('not-recorded');
    const decided = apply(recordedWithPsd, decideOutcome('2027-03-01T10:00:00.000Z'));
    expect(ruleOf(() => whenThen(decided, report('2027-03-02T10:00:00.000Z')))).toBe('outcome-already-decided');
  });

  it('adds calendar months, clamped to the end of a short month', () => {
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2026-03-02', 12)).toBe('2027-03-02');
  });
});

describe('withdrawal', () => {
  const withdraw: ComplaintCommand = { type: 'WithdrawComplaint', reason: 'Complainant no longer wishes to proceed', ...at };

  it('ends the complaint: every later command is refused', () => {
    const withdrawn = apply(recordedWithPsd, withdraw);
    expect(complaintStage(given(withdrawn))).toBe('withdrawn');
    expect(given(withdrawn).updates.nextDue).toBeNull();
    for (const command of [withdraw, refer('iopc'), decideOutcome('2027-05-01T10:00:00.000Z'), resolve(true)]) {
      expect(ruleOf(() => whenThen(withdrawn, command))).toBe('complaint-withdrawn');
    }
  });

  it('is refused once the outcome is decided', () => {
    expect(ruleOf(() => whenThen(apply(recordedWithPsd, decideOutcome('2027-05-01T10:00:00.000Z')), withdraw))).toBe('outcome-already-decided');
  });
});

describe('what is due', () => {
  const nextDue = (complaint: LoggedComplaint) => nextDueOn(dueClocks(complaint), calendar);
  const contact: ComplaintCommand = { type: 'ContactComplainant', at: '2026-03-03T09:00:00.000Z', channel: 'phone', views: 'x', calendar, ...at };

  it('owes first contact until it is made, then the next progress update', () => {
    expect(outstandingDeadlines(given(logged))).toEqual([{ kind: 'contact', dueBy: '2026-03-04' }]);
    expect(outstandingDeadlines(given(recordedWithPsd))).toEqual([
      { kind: 'contact', dueBy: '2026-03-04' },
      { kind: 'progress-update', dueBy: '2026-03-30' },
      { kind: 'long-running-report', dueBy: '2027-03-02' },
    ]);
    expect(nextDue(given(apply(recordedWithPsd, contact)))).toBe('2026-03-30');
  });

  it('owes the outcome notification once decided, and nothing after it', () => {
    const decided = apply(recordedWithPsd, contact, decideOutcome('2026-04-02T15:00:00.000Z'));
    expect(outstandingDeadlines(given(decided))).toEqual([{ kind: 'outcome-notification', dueBy: '2026-04-13' }]);
    expect(nextDue(given(apply(decided, notify('2026-04-03T10:00:00.000Z'))))).toBeNull();
  });

  it('owes nothing once a complaint is resolved to the complainant’s satisfaction or withdrawn', () => {
    expect(nextDue(given(apply(logged, handleOutside(allegation()), resolve(true))))).toBeNull();
    expect(nextDue(given(apply(logged, { type: 'WithdrawComplaint', reason: 'x', ...at })))).toBeNull();
  });
});

describe('progress updates through GOV.UK Notify', () => {
  const send = (overrides: Partial<ComplaintCommand> = {}): ComplaintCommand =>
    ({ type: 'SendComplainantUpdate', messageId: 'm-1', channel: 'email', templateId: 'template-1', summary: 'Enquiries continue', personalisation: { first_name: 'Carl' }, ...at, ...overrides }) as ComplaintCommand;
  const delivered: ComplaintCommand = { type: 'RecordComplainantMessageDelivered', messageId: 'm-1', at: '2026-03-20T16:00:00.000Z', ...at };

  it('queues an update while updates are due, and gives it when delivered, once', () => {
    expect(ruleOf(() => whenThen(logged, send()))).toBe('handling-not-started');
    expect(ruleOf(() => whenThen(recordedWithPsd, send({ templateId: null } as Partial<ComplaintCommand>)))).toBe('no-template-for-message');
    const queued = apply(recordedWithPsd, send());
    const events = whenThen(queued, delivered);
    expect(events.map((event) => event.type)).toEqual(['ComplainantMessageDelivered', 'ComplainantUpdated']);
    expect(given([...queued, ...events]).updates).toEqual({ lastAt: '2026-03-20T16:00:00.000Z', nextDue: '2026-04-17' });
    expect(whenThen([...queued, ...events], delivered)).toEqual([]);
  });

  it('records a failure without giving the update', () => {
    const queued = apply(recordedWithPsd, send());
    const failed = whenThen(queued, { type: 'RecordComplainantMessageFailed', messageId: 'm-1', reason: 'permanent-failure', at: '2026-03-20T16:00:00.000Z', ...at });
    expect(failed.map((event) => event.type)).toEqual(['ComplainantMessageFailed']);
    expect(given([...queued, ...failed]).updates.lastAt).toBeNull();
  });
});

describe('correcting who an allegation is about', () => {
  const handled = apply(logged, handleOutside(allegation()));
  const correct = (corrected: { kind?: 'officer' | 'staff' | 'chief-officer' | 'force'; identifier?: string | null }, allegationId = '1'): ComplaintCommand => ({
    type: 'CorrectAllegationSubject',
    allegationId,
    corrected,
    reason: 'A member of staff, not an officer',
    ...at,
  });

  it('records only what changed, under the same data subject, and the state shows the new subject with the correction', () => {
    // The allegation's subject is the complaint's officer PC 1234 (s-2), matched on triage.
    const events = whenThen(handled, correct({ kind: 'staff', identifier: 'PC 1234' }));
    expect(events).toEqual([
      { type: 'AllegationSubjectCorrected', data: { complaintId: 'c-1', allegationId: '1', subjectId: 's-2', corrected: { kind: 'staff' }, reason: 'A member of staff, not an officer', correctedAt: now.toISOString() } },
    ]);
    const state = given([...handled, ...events]);
    expect(state.allegations[0]!.subject).toEqual({ subjectId: 's-2', kind: 'staff', identifier: 'PC 1234' });
    expect(state.corrections.at(-1)).toEqual({ of: '1', fields: ['subject.kind'], reason: 'A member of staff, not an officer', at: now.toISOString() });
  });

  it('clears an identifier given as null', () => {
    const events = whenThen(handled, correct({ identifier: null }));
    expect(given([...handled, ...events]).allegations[0]!.subject.identifier).toBeNull();
  });

  it('refuses a correction that changes nothing, and an allegation not on the complaint', () => {
    expect(ruleOf(() => whenThen(handled, correct({ kind: 'officer', identifier: 'PC 1234' })))).toBe('correction-changes-nothing');
    expect(() => whenThen(handled, correct({ kind: 'staff' }, '9'))).toThrow(/allegation/);
  });
});

describe("a complainant's equality-monitoring answers", () => {
  const answers = { gender: 'woman', ethnicity: 'white-irish', disability: 'no' } as const;
  const record = (dateOfBirth: string | null = null): RecordComplainantDemographics => ({ type: 'RecordDemographics', ...answers, dateOfBirth, ...at });

  it('bands the age on the day of the incident from a date of birth given with the answers, which is not kept', () => {
    const [recorded] = whenThen(logged, record('2001-02-28'));
    expect(recorded).toEqual({
      type: 'ComplainantDemographicsRecorded',
      data: { complaintId: 'c-1', subjectId: 's-1', ...answers, ageBand: '18-24', recordedAt: now.toISOString() },
    });
    expect(whenThen(logged, record())[0]!.data).toMatchObject({ ageBand: 'unknown' });
    expect(ruleOf(() => whenThen(logged, record('2026-02-28')))).toBe('born-after-incident');
  });

  it('takes the day received where no incident date was given, and records answers given on logging alongside', () => {
    const events = whenThen([], logCommand({ incidentDate: null, demographics: { ...answers, dateOfBirth: '2001-03-02' } }));
    expect(events.map((event) => event.type)).toEqual(['ComplaintLogged', 'ComplainantDemographicsRecorded']);
    expect(events[0]!.data).not.toHaveProperty('demographics');
    expect(events[1]!.data).toMatchObject({ ageBand: '25-34' });
  });

  it('replaces earlier answers on a withdrawn complaint too, and refuses the same answers again or a value outside its list', () => {
    const withdrawn = apply(logged, { type: 'WithdrawComplaint', reason: 'No longer wanted', ...at }, record());
    expect(given(withdrawn).demographics).toEqual({ ...answers, ageBand: 'unknown' });
    expect(ruleOf(() => whenThen(withdrawn, record()))).toBe('demographics-unchanged');
    expect(ruleOf(() => whenThen(withdrawn, { ...record(), gender: 'martian' as never }))).toBe('demographic-not-in-list');
    expect(ruleOf(() => whenThen([], record()))).toBe('complaint-not-logged');
  });
});
