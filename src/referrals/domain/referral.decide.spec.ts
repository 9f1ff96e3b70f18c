import { describe, expect, it } from '@jest/globals';
import { englandAndWalesCalendar } from '../../calendar/england-and-wales.ts';
import { addDays } from '../../calendar/working-days.ts';
import { DEFAULT_CRIME_TYPES } from '../../settings/domain/crime-types.ts';
import { fold } from '../../shared/domain/decider.ts';
import { UnknownCasePart } from '../../shared/domain/errors.ts';
import { ruleOf, violationOf } from '../../shared/domain/rule-violations.testing.ts';
import type { LearnCriminalJusticeEvent, ReceiveReferral, RecordVictimUpdate, ReferralCommand } from './referral.commands.ts';
import { referralDecider } from './referral.decide.ts';
import type { PriorityGroup } from './priority-groups.ts';
import type { ReferralEvent } from './referral.events.ts';
import type { ReceivedReferral } from './referral.state.ts';
import { lastDayLearnedOverdue, updateDueBy, updateWorkingDays } from './update-clock.ts';

const crimeType = (id: string) => DEFAULT_CRIME_TYPES.find((type) => type.id === id)!;
const now = new Date('2026-03-02T10:00:00Z');

const receive = (overrides: Partial<ReceiveReferral> = {}): ReceiveReferral => ({
  type: 'ReceiveReferral',
  referralId: 'r-1',
  source: 'police',
  crimeReference: '41/1234/26',
  crimeType: crimeType('burglary'),
  offenceDate: '2026-02-27',
  crimeReportedOn: '2026-02-28',
  victim: { subjectId: 's-1', name: 'Ann Example', dateOfBirth: '1980-01-01', phone: null, email: null, address: null },
  consent: { contact: true, dataSharing: true, basis: 'implied' },
  metadata: { now },
  ...overrides,
});

const given = (events: ReferralEvent[]) => fold(referralDecider, events);
const whenThen = (history: ReferralEvent[], command: ReferralCommand) => referralDecider.decide(command, given(history));


describe('receiving a referral', () => {
  it('dates a referral typed in later when it was received, never in the future nor before its offence', () => {
    expect(whenThen([], receive({ receivedAt: '2026-03-01T09:00:00.000Z', offenceDate: '2026-02-27' }))[0]).toMatchObject({ data: { receivedAt: '2026-03-01T09:00:00.000Z' } });
    expect(ruleOf(() => whenThen([], receive({ receivedAt: '2026-03-03T09:00:00.000Z' })))).toBe('received-in-future');
    expect(ruleOf(() => whenThen([], receive({ receivedAt: '2026-02-26T09:00:00.000Z', offenceDate: '2026-02-27', crimeReportedOn: null })))).toBe('offence-after-receipt');
  });

  it('records the referral with the server time and the crime type id only', () => {
    const [event] = whenThen([], receive());
    expect(event).toEqual({
      type: 'ReferralReceived',
      data: expect.objectContaining({ referralId: 'r-1', crimeTypeId: 'burglary', receivedAt: '2026-03-02T10:00:00.000Z' }),
    });
  });

  it('folds into a received referral', () => {
    const state = given(whenThen([], receive()));
    expect(state).toMatchObject({ status: 'received', id: 'r-1', source: 'police' });
  });

  it('refuses dates that cannot be: an offence or crime report in the future, a report before the offence, a victim born after it', () => {
    expect(ruleOf(() => whenThen([], receive({ offenceDate: '2026-03-03' })))).toBe('offence-date-in-future');
    expect(ruleOf(() => whenThen([], receive({ crimeReportedOn: '2026-03-03' })))).toBe('crime-reported-in-future');
    expect(ruleOf(() => whenThen([], receive({ offenceDate: '2026-02-27', crimeReportedOn: '2026-02-26' })))).toBe('crime-reported-before-offence');
    const unborn = { subjectId: 's-1', name: 'Ann Example', dateOfBirth: '2026-02-28', phone: null, email: null, address: null };
    expect(ruleOf(() => whenThen([], receive({ victim: unborn })))).toBe('born-after-offence');
    expect(ruleOf(() => whenThen([], receive({ offenceDate: null, victim: { ...unborn, dateOfBirth: '2026-03-03' } })))).toBe('born-after-offence');
    // Both on the day of the referral are fine: the crime was reported the day it happened.
    expect(whenThen([], receive({ offenceDate: '2026-03-02', crimeReportedOn: '2026-03-02' }))).toHaveLength(1);
  });

  it('names every date rule a referral breaks, not only the first', () => {
    const unborn = { subjectId: 's-1', name: 'Ann Example', dateOfBirth: '2026-03-04', phone: null, email: null, address: null };
    const refusal = violationOf(() => whenThen([], receive({ offenceDate: '2026-03-03', crimeReportedOn: '2026-02-28', victim: unborn })));
    expect(refusal.broken.map((broken) => broken.rule)).toEqual(['offence-date-in-future', 'crime-reported-before-offence', 'born-after-offence']);
  });

  it('refuses a police referral of a domestic abuse victim without explicit consent', () => {
    expect(ruleOf(() => whenThen([], receive({ crimeType: crimeType('domestic-abuse') })))).toBe('explicit-consent-required');
  });

  it('refuses, from any caller, a victim without a name, consent without a basis or an unknown source: every read of the referral shows them', () => {
    const victim = receive().victim;
    expect(ruleOf(() => whenThen([], receive({ victim: { ...victim, name: '  ' } })))).toBe('victim-name-required');
    expect(ruleOf(() => whenThen([], receive({ victim: [] as unknown as ReceiveReferral['victim'] })))).toBe('victim-name-required');
    const consentAsArray = [{ contact: true, dataSharing: true, basis: 'implied' }] as unknown as ReceiveReferral['consent'];
    expect(ruleOf(() => whenThen([], receive({ consent: consentAsArray })))).toBe('consent-required');
    expect(ruleOf(() => whenThen([], receive({ consent: { contact: true, dataSharing: true } as ReceiveReferral['consent'] })))).toBe('consent-required');
    expect(ruleOf(() => whenThen([], receive({ source: 'court' as ReceiveReferral['source'] })))).toBe('source-required');
  });

  it('refuses text no store can hold (a NUL, an unpaired surrogate), naming the field and not its value', () => {
    const victim = receive().victim;
    const nul = violationOf(() => whenThen([], receive({ victim: { ...victim, address: '1 High St\u0000' } })));
    expect(nul.rule).toBe('unstorable-text');
    expect(nul.message).toMatch(/^victim\.address /);
    expect(ruleOf(() => whenThen([], receive({ crimeReference: '41/\ud800' })))).toBe('unstorable-text');
    // A surrogate pair is a character like any other.
    expect(whenThen([], receive({ victim: { ...victim, name: 'Ann 😀 Example' } }))).toHaveLength(1);
  });

  it('accepts that referral when consent is explicit, and a self-referral without it', () => {
    const explicit = { contact: true, dataSharing: false, basis: 'explicit' as const };
    expect(whenThen([], receive({ crimeType: crimeType('sexual-offence'), consent: explicit }))).toHaveLength(1);
    expect(whenThen([], receive({ source: 'self', crimeReference: null, crimeType: crimeType('domestic-abuse') }))).toHaveLength(1);
  });

  it('refuses to receive the same referral twice', () => {
    expect(ruleOf(() => whenThen(whenThen([], receive()), receive()))).toBe('referral-already-received');
  });
});

describe('assigning a case manager', () => {
  const bySupervisor = { userId: 'sup-1', supervisor: true };
  const assign = (caseManager: string, assignedBy = bySupervisor): ReferralCommand => ({ type: 'AssignCaseManager', caseManager, assignedBy, metadata: { now } });
  const received = whenThen([], receive());

  it('names the case manager on the journey', () => {
    const events = whenThen(received, assign('cm-7'));
    expect(events).toEqual([{ type: 'CaseManagerAssigned', data: { referralId: 'r-1', caseManager: 'cm-7', assignedAt: now.toISOString() } }]);
    expect(given([...received, ...events])).toMatchObject({ caseManager: 'cm-7' });
  });

  it('allows a reassignment but not the same manager twice', () => {
    const assigned = [...received, ...whenThen(received, assign('cm-7'))];
    expect(whenThen(assigned, assign('cm-8'))).toHaveLength(1);
    expect(ruleOf(() => whenThen(assigned, assign('cm-7')))).toBe('already-assigned');
  });

  it('lets a case manager take an unassigned case for themselves, and nothing more: assigning is a supervisor\'s', () => {
    const caseManager = (userId: string) => ({ userId, supervisor: false });
    const taken = [...received, ...whenThen(received, assign('cm-7', caseManager('cm-7')))];
    expect(given(taken)).toMatchObject({ caseManager: 'cm-7' });
    const refusal = (history: ReferralEvent[], command: ReferralCommand) => {
      try {
        whenThen(history, command);
      } catch (error) {
        return error;
      }
      throw new Error('expected a refusal');
    };
    expect(refusal(received, assign('cm-8', caseManager('cm-7')))).toMatchObject({ name: 'ActNotPermitted', rule: 'assignment-by-supervisor' });
    expect(refusal(taken, assign('cm-8', caseManager('cm-8')))).toMatchObject({ name: 'ActNotPermitted', rule: 'assignment-by-supervisor' });
    expect(refusal(taken, assign('cm-8', caseManager('cm-7')))).toMatchObject({ name: 'ActNotPermitted', rule: 'assignment-by-supervisor' });
  });
});

describe('assessing needs and priority groups', () => {
  const assess = (overrides: Partial<Extract<ReferralCommand, { type: 'AssessNeeds' }>> = {}): ReferralCommand => ({
    type: 'AssessNeeds',
    needs: ['emotional', 'safety'],
    riskLevel: 'high',
    priorityGroups: [],
    overrideReason: null,
    crimeTypes: DEFAULT_CRIME_TYPES,
    metadata: { now },
    ...overrides,
  });
  const explicit = { contact: true, dataSharing: true, basis: 'explicit' as const };

  it('proposes the most-serious-crime group for domestic abuse and makes the confirmed victim enhanced', () => {
    const history = whenThen([], receive({ crimeType: crimeType('domestic-abuse'), consent: explicit }));
    const [event] = whenThen(history, assess({ priorityGroups: ['most-serious-crime'] }));
    expect(event).toMatchObject({ type: 'NeedsAssessed', data: { proposedGroups: ['most-serious-crime'], priorityGroups: ['most-serious-crime'], enhanced: true, overrideReason: null } });
    expect(given([...history, event!])).toMatchObject({ assessment: { enhanced: true, riskLevel: 'high' } });
  });

  it('proposes vulnerable for a victim under 18 on the day of the offence, not on the day of referral', () => {
    const seventeen = receive({ crimeType: crimeType('criminal-damage'), offenceDate: '2026-02-27', victim: { subjectId: 's', name: 'Kid', dateOfBirth: '2008-02-28', phone: null, email: null, address: null } });
    const [event] = whenThen(whenThen([], seventeen), assess({ priorityGroups: ['vulnerable-or-intimidated'] }));
    expect(event).toMatchObject({ data: { proposedGroups: ['vulnerable-or-intimidated'], enhanced: true } });

    const eighteen = receive({ crimeType: crimeType('criminal-damage'), offenceDate: '2026-02-28', victim: { subjectId: 's', name: 'Adult', dateOfBirth: '2008-02-28', phone: null, email: null, address: null } });
    const [adult] = whenThen(whenThen([], eighteen), assess());
    expect(adult).toMatchObject({ data: { proposedGroups: [], priorityGroups: [], enhanced: false } });
  });

  it('needs a reason to confirm other groups than proposed, and records it', () => {
    const history = whenThen([], receive());
    expect(ruleOf(() => whenThen(history, assess({ priorityGroups: ['vulnerable-or-intimidated'] })))).toBe('override-reason-required');
    const [event] = whenThen(history, assess({ priorityGroups: ['vulnerable-or-intimidated'], overrideReason: 'In fear of the offender' }));
    expect(event).toMatchObject({ data: { proposedGroups: [], priorityGroups: ['vulnerable-or-intimidated'], overrideReason: 'In fear of the offender', enhanced: true } });
    const stalking = whenThen([], receive({ crimeType: crimeType('stalking') }));
    expect(ruleOf(() => whenThen(stalking, assess({ priorityGroups: [] })))).toBe('override-reason-required');
  });
});

describe('support, closure and reopening', () => {
  const at = { metadata: { now } };
  const received = whenThen([], receive());
  const apply = (history: ReferralEvent[], command: ReferralCommand) => [...history, ...whenThen(history, command)];

  it('records acceptance once, and a decline with its reason once', () => {
    const accepted = apply(received, { type: 'AcceptSupport', ...at });
    expect(ruleOf(() => whenThen(accepted, { type: 'AcceptSupport', ...at }))).toBe('support-already-accepted');
    const declined = apply(received, { type: 'DeclineSupport', reason: 'wants-to-move-on', ...at });
    expect(given(declined)).toMatchObject({ support: { decision: 'declined', reason: 'wants-to-move-on' } });
    expect(ruleOf(() => whenThen(declined, { type: 'DeclineSupport', reason: 'other', ...at }))).toBe('support-already-declined');
  });

  it('refuses changes to a closed case until it is reopened', () => {
    const closed = apply(received, { type: 'CloseCase', reason: 'support-completed', failureThreshold: 3, ...at });
    expect(ruleOf(() => whenThen(closed, { type: 'AcceptSupport', ...at }))).toBe('case-closed');
    expect(ruleOf(() => whenThen(closed, { type: 'AssignCaseManager', caseManager: 'x', assignedBy: { userId: 'sup-1', supervisor: true }, ...at }))).toBe('case-closed');
    expect(ruleOf(() => whenThen(closed, { type: 'CloseCase', reason: 'duplicate', failureThreshold: 3, ...at }))).toBe('case-closed');
    const reopened = apply(closed, { type: 'ReopenCase', reason: 'New court date', ...at });
    expect(given(reopened)).toMatchObject({ closure: null });
    expect(whenThen(reopened, { type: 'AcceptSupport', ...at })).toHaveLength(1);
    expect(ruleOf(() => whenThen(reopened, { type: 'ReopenCase', reason: 'again', ...at }))).toBe('case-not-closed');
  });
});

describe('the contact contract and contacts', () => {
  const at = { metadata: { now } };
  const apply = (history: ReferralEvent[], command: ReferralCommand) => [...history, ...whenThen(history, command)];
  const weekly: ReferralCommand = { type: 'AgreeContactContract', frequency: 'weekly', channel: 'phone', safeTimes: 'after 6pm', ...at };
  const contact = (outcome: 'made' | 'failed', when: string): ReferralCommand => ({ type: 'RecordContact', outcome, channel: 'phone', at: when, note: null, failureThreshold: 3, ...at });
  // Received before the contacts these tests enter late.
  const received = whenThen([], receive({ offenceDate: '2026-01-30', crimeReportedOn: '2026-01-31', metadata: { now: new Date('2026-02-02T10:00:00Z') } }));

  it('needs a named case manager first for an enhanced or high-risk victim', () => {
    const highRisk = apply(received, { type: 'AssessNeeds', needs: [], riskLevel: 'high', priorityGroups: [], overrideReason: null, crimeTypes: DEFAULT_CRIME_TYPES, ...at });
    expect(ruleOf(() => whenThen(highRisk, weekly))).toBe('case-manager-required');
    const assigned = apply(highRisk, { type: 'AssignCaseManager', caseManager: 'cm-1', assignedBy: { userId: 'sup-1', supervisor: true }, ...at });
    expect(whenThen(assigned, weekly)).toHaveLength(1);
    expect(whenThen(received, weekly)).toHaveLength(1); // a standard-risk, non-enhanced victim may be handled by the team
  });

  it('will not assess a victim with a contract as enhanced or high-risk until they have a named case manager', () => {
    const contracted = apply(received, weekly);
    const assess = (riskLevel: 'standard' | 'high', priorityGroups: PriorityGroup[]): ReferralCommand => ({
      type: 'AssessNeeds',
      needs: [],
      riskLevel,
      priorityGroups,
      overrideReason: 'Targeted repeatedly',
      crimeTypes: DEFAULT_CRIME_TYPES,
      ...at,
    });
    expect(ruleOf(() => whenThen(contracted, assess('high', [])))).toBe('case-manager-required');
    expect(ruleOf(() => whenThen(contracted, assess('standard', ['persistently-targeted'])))).toBe('case-manager-required');
    expect(whenThen(contracted, assess('standard', []))).toHaveLength(1);
    const assigned = apply(contracted, { type: 'AssignCaseManager', caseManager: 'cm-1', assignedBy: { userId: 'sup-1', supervisor: true }, ...at });
    expect(whenThen(assigned, assess('high', ['persistently-targeted']))).toHaveLength(1);
  });

  it('makes the next contact due one interval after the agreement, then after each successful contact', () => {
    const agreed = apply(received, weekly);
    expect(given(agreed)).toMatchObject({ contact: { nextDue: '2026-03-09T10:00:00.000Z' } });
    const contacted = apply(agreed, contact('made', '2026-03-01T09:00:00.000Z'));
    expect(given(contacted)).toMatchObject({ contact: { lastMadeAt: '2026-03-01T09:00:00.000Z', nextDue: '2026-03-08T09:00:00.000Z' } });
    const failed = apply(contacted, contact('failed', '2026-03-02T09:00:00.000Z'));
    expect(given(failed)).toMatchObject({ contact: { nextDue: '2026-03-08T09:00:00.000Z', consecutiveFailures: 1 } });
    const renegotiated = apply(failed, { ...weekly, frequency: 'monthly' } as ReferralCommand);
    expect(given(renegotiated)).toMatchObject({ contact: { nextDue: '2026-04-01T09:00:00.000Z' } });
  });

  it('flags "unable to contact" at the configured number of consecutive failures, and a success clears it', () => {
    let history = apply(received, weekly);
    for (const day of ['2026-03-01', '2026-03-02']) history = apply(history, contact('failed', `${day}T09:00:00.000Z`));
    expect(given(history)).toMatchObject({ contact: { consecutiveFailures: 2, unableToContact: false } });
    history = apply(history, contact('failed', '2026-03-02T09:30:00.000Z'));
    expect(given(history)).toMatchObject({ contact: { consecutiveFailures: 3, unableToContact: true } });
    history = apply(history, contact('made', '2026-03-02T09:45:00.000Z'));
    expect(given(history)).toMatchObject({ contact: { consecutiveFailures: 0, unableToContact: false } });
  });

  it('closes a case as unable to contact only after the configured number of consecutive failed attempts', () => {
    const unableToContact = (failureThreshold: number): ReferralCommand => ({ type: 'CloseCase', reason: 'unable-to-contact', failureThreshold, ...at });
    let history = apply(received, weekly);
    expect(ruleOf(() => whenThen(history, unableToContact(3)))).toBe('failed-attempts-required');
    for (const minute of ['00', '10']) history = apply(history, contact('failed', `2026-03-02T09:${minute}:00.000Z`));
    expect(ruleOf(() => whenThen(history, unableToContact(3)))).toBe('failed-attempts-required');
    expect(whenThen(history, unableToContact(2))).toMatchObject([{ type: 'CaseClosed', data: { reason: 'unable-to-contact' } }]);
    history = apply(history, contact('failed', '2026-03-02T09:20:00.000Z'));
    expect(whenThen(history, unableToContact(3))).toHaveLength(1);
    // A contact made since starts the count again.
    history = apply(history, contact('made', '2026-03-02T09:30:00.000Z'));
    expect(ruleOf(() => whenThen(history, unableToContact(3)))).toBe('failed-attempts-required');
  });

  it('refuses a contact contract with a victim who did not consent to contact', () => {
    const noConsent = whenThen([], receive({ source: 'self', crimeReference: null, consent: { contact: false, dataSharing: false, basis: 'explicit' } }));
    expect(ruleOf(() => whenThen(noConsent, weekly))).toBe('no-consent-to-contact');
  });

  it('keeps the last contact and the next due date when an older contact is entered late', () => {
    const contacted = apply(apply(received, weekly), contact('made', '2026-03-02T09:00:00.000Z'));
    const [late] = whenThen(contacted, contact('made', '2026-02-20T09:00:00.000Z'));
    expect(late).toMatchObject({ type: 'ContactMade', data: { at: '2026-02-20T09:00:00.000Z', nextContactDue: '2026-03-09T09:00:00.000Z' } });
    expect(given([...contacted, late!])).toMatchObject({ contact: { lastMadeAt: '2026-03-02T09:00:00.000Z', nextDue: '2026-03-09T09:00:00.000Z' } });
    // A failed attempt after the last success still counts, whatever older success is entered late.
    const failed = apply(contacted, contact('failed', '2026-03-02T09:30:00.000Z'));
    expect(given(apply(failed, contact('made', '2026-02-20T09:00:00.000Z')))).toMatchObject({ contact: { consecutiveFailures: 1 } });
  });

  it('refuses a contact in the future, and contact with a victim who did not consent to it', () => {
    expect(ruleOf(() => whenThen(received, contact('made', '2026-03-03T10:00:00.000Z')))).toBe('contact-in-future');
    const noConsent = whenThen([], receive({ source: 'self', crimeReference: null, consent: { contact: false, dataSharing: false, basis: 'explicit' } }));
    expect(ruleOf(() => whenThen(noConsent, contact('made', '2026-03-01T10:00:00.000Z')))).toBe('no-consent-to-contact');
  });
});

describe('service referrals and statements', () => {
  const at = { metadata: { now } };
  const apply = (history: ReferralEvent[], command: ReferralCommand) => [...history, ...whenThen(history, command)];
  const received = whenThen([], receive());
  const refer = (service: string, serviceReferralId = 'sr-1'): ReferralCommand => ({ type: 'MakeServiceReferral', serviceReferralId, service, ...at });
  const outcome = (value: 'accepted' | 'declined' | 'completed', serviceReferralId = 'sr-1'): ReferralCommand => ({
    type: 'RecordServiceReferralOutcome',
    serviceReferralId,
    outcome: value,
    ...at,
  });

  it('follows a referral from made to accepted to completed, in that order only', () => {
    const made = apply(received, refer('idva'));
    expect(ruleOf(() => whenThen(made, outcome('completed')))).toBe('service-outcome-out-of-order');
    const accepted = apply(made, outcome('accepted'));
    expect(ruleOf(() => whenThen(accepted, outcome('declined')))).toBe('service-outcome-out-of-order');
    const completed = apply(accepted, outcome('completed'));
    expect(given(completed)).toMatchObject({ serviceReferrals: [{ id: 'sr-1', service: 'idva', outcome: 'completed' }] });
  });

  it('refuses a second open referral to the same service, an unknown one, and sharing without consent', () => {
    const made = apply(received, refer('idva'));
    expect(ruleOf(() => whenThen(made, refer('idva', 'sr-2')))).toBe('service-referral-open');
    expect(whenThen(apply(made, outcome('declined')), refer('idva', 'sr-2'))).toHaveLength(1);
    expect(() => whenThen(made, outcome('accepted', 'sr-404'))).toThrow(UnknownCasePart);
    const private_ = whenThen([], receive({ consent: { contact: true, dataSharing: false, basis: 'implied' } }));
    expect(ruleOf(() => whenThen(private_, refer('counselling')))).toBe('no-consent-to-share');
  });

  it('records the personal statement and restorative justice statuses', () => {
    const history = apply(apply(received, { type: 'RecordVpsStatus', status: 'made', ...at }), { type: 'RecordRestorativeJusticeStatus', status: 'interested', ...at });
    expect(given(history)).toMatchObject({ personalStatement: 'made', restorativeJustice: 'interested' });
  });

  it('moves statuses forward only: setting one back is a correction with a reason, and a statement made stays on record', () => {
    const made = apply(apply(received, { type: 'RecordVpsStatus', status: 'made', ...at }), { type: 'RecordRestorativeJusticeStatus', status: 'interested', ...at });
    expect(ruleOf(() => whenThen(made, { type: 'RecordVpsStatus', status: 'offered', ...at }))).toBe('correction-required');
    expect(ruleOf(() => whenThen(made, { type: 'RecordVpsStatus', status: 'declined', ...at }))).toBe('correction-required');
    expect(ruleOf(() => whenThen(made, { type: 'RecordRestorativeJusticeStatus', status: 'information-given', ...at }))).toBe('correction-required');
    // A victim who declined may still make a statement.
    const declined = apply(received, { type: 'RecordVpsStatus', status: 'declined', ...at });
    expect(whenThen(declined, { type: 'RecordVpsStatus', status: 'made', ...at })).toHaveLength(1);

    const corrected = apply(made, { type: 'CorrectVpsStatus', status: 'offered', reason: 'Entered on the wrong case', ...at });
    expect(corrected.at(-1)).toEqual({
      type: 'VpsStatusCorrected',
      data: { referralId: 'r-1', subjectId: 's-1', from: 'made', status: 'offered', reason: 'Entered on the wrong case', correctedAt: now.toISOString() },
    });
    expect(given(corrected)).toMatchObject({
      personalStatement: 'offered',
      personalStatementMadeAt: now.toISOString(),
      statusCorrections: [{ of: 'personal-statement', from: 'made', to: 'offered', reason: 'Entered on the wrong case', at: now.toISOString() }],
    });
    const rjCorrected = apply(made, { type: 'CorrectRestorativeJusticeStatus', status: 'information-given', reason: 'Misheard', ...at });
    expect(given(rjCorrected)).toMatchObject({ restorativeJustice: 'information-given', statusCorrections: [{ of: 'restorative-justice', from: 'interested', to: 'information-given' }] });
    expect(ruleOf(() => whenThen(corrected, { type: 'CorrectVpsStatus', status: 'offered', reason: 'again', ...at }))).toBe('status-unchanged');
    expect(ruleOf(() => whenThen(received, { type: 'CorrectRestorativeJusticeStatus', status: 'interested', reason: 'none yet', ...at }))).toBe('nothing-to-correct');
  });
});

describe('effective times: a decision typed in later is dated when it was made, in order, never in the future', () => {
  const received = whenThen([], receive());
  const dated = (command: ReferralCommand, effective: string) => ({ ...command, at: effective }) as ReferralCommand;
  const later = { metadata: { now: new Date('2026-03-20T10:00:00Z') } };
  const assess: ReferralCommand = { type: 'AssessNeeds', needs: [], riskLevel: 'standard', priorityGroups: [], overrideReason: null, crimeTypes: DEFAULT_CRIME_TYPES, ...later };

  it('dates assessment, support, closure and reopening when they happened', () => {
    expect(whenThen(received, dated(assess, '2026-03-05T10:00:00.000Z'))[0]).toMatchObject({ data: { assessedAt: '2026-03-05T10:00:00.000Z' } });
    expect(whenThen(received, dated({ type: 'AcceptSupport', ...later }, '2026-03-06T10:00:00.000Z'))[0]).toMatchObject({ data: { acceptedAt: '2026-03-06T10:00:00.000Z' } });
    const closed = [...received, ...whenThen(received, dated({ type: 'CloseCase', reason: 'support-completed', failureThreshold: 3, ...later }, '2026-03-10T10:00:00.000Z'))];
    expect(ruleOf(() => whenThen(closed, dated({ type: 'ReopenCase', reason: 'New information', ...later }, '2026-03-09T10:00:00.000Z')))).toBe('reopened-before-closure');
    expect(whenThen(closed, dated({ type: 'ReopenCase', reason: 'New information', ...later }, '2026-03-11T10:00:00.000Z'))[0]).toMatchObject({ data: { reopenedAt: '2026-03-11T10:00:00.000Z' } });
  });

  it('refuses a step before the referral was received, or in the future', () => {
    expect(ruleOf(() => whenThen(received, dated(assess, '2026-03-01T10:00:00.000Z')))).toBe('assessed-before-receipt');
    expect(ruleOf(() => whenThen(received, dated({ type: 'DeclineSupport', reason: 'wants-to-move-on', ...later }, '2026-03-01T10:00:00.000Z')))).toBe('declined-before-receipt');
    expect(ruleOf(() => whenThen(received, dated({ type: 'CloseCase', reason: 'support-completed', failureThreshold: 3, ...later }, '2026-03-21T10:00:00.000Z')))).toBe('closed-in-future');
  });
});

describe("criminal-justice updates (Victims' Code: 5 working days, 1 for enhanced victims)", () => {
  const calendar = englandAndWalesCalendar();
  const christmasEve = new Date('2026-12-24T17:00:00Z');
  const learn = (overrides: Partial<LearnCriminalJusticeEvent> = {}): LearnCriminalJusticeEvent => ({
    type: 'LearnCriminalJusticeEvent',
    cjEventId: 'cj-1',
    kind: 'charge',
    learnedAt: '2026-12-24T16:00:00.000Z',
    calendar,
    crimeTypes: DEFAULT_CRIME_TYPES,
    metadata: { now: christmasEve },
    ...overrides,
  });
  const tell = (at: string, overrides: Partial<RecordVictimUpdate> = {}): RecordVictimUpdate => ({
    type: 'RecordVictimUpdate',
    cjEventId: 'cj-1',
    at,
    channel: 'phone',
    calendar,
    metadata: { now: new Date('2027-01-10T12:00:00Z') },
    ...overrides,
  });
  const received = whenThen([], receive({ metadata: { now: new Date('2026-12-01T10:00:00Z') } }));
  const assessEnhanced: ReferralCommand = {
    type: 'AssessNeeds',
    needs: ['safety'],
    riskLevel: 'high',
    priorityGroups: ['persistently-targeted'],
    overrideReason: 'Targeted repeatedly by the same offender',
    crimeTypes: DEFAULT_CRIME_TYPES,
    metadata: { now: new Date('2026-12-02T10:00:00Z') },
  };
  const enhanced = [...received, ...whenThen(received, assessEnhanced)];

  it('gives a standard victim 5 working days, across Christmas and New Year', () => {
    const [event] = whenThen(received, learn());
    expect(event).toMatchObject({ type: 'CriminalJusticeEventLearned', data: { kind: 'charge', dueBy: '2027-01-05', enhanced: false } });
  });

  it('gives an enhanced victim 1 working day: the charge learned on Christmas Eve is due on 29 December', () => {
    expect(whenThen(enhanced, learn())[0]).toMatchObject({ data: { dueBy: '2026-12-29', enhanced: true } });
  });

  const domesticAbuse = whenThen([], receive({ crimeType: crimeType('domestic-abuse'), consent: { contact: true, dataSharing: true, basis: 'explicit' }, metadata: { now: new Date('2026-12-01T10:00:00Z') } }));
  const assessedOn = (at: string, command: ReferralCommand & { type: 'AssessNeeds' }): ReferralCommand => ({ ...command, metadata: { now: new Date(at) } });

  it('gives a victim proposed for a priority group the enhanced clock from receipt, before the assessment', () => {
    expect(whenThen(domesticAbuse, learn())[0]).toMatchObject({ data: { dueBy: '2026-12-29', enhanced: true } });
  });

  it('moves every open update to the entitlement the assessment confirms or overrides', () => {
    const learned = [...domesticAbuse, ...whenThen(domesticAbuse, learn())];
    const overridden = { ...assessEnhanced, type: 'AssessNeeds' as const, priorityGroups: [], overrideReason: 'Not a partner: a neighbour dispute' };
    const standardNow = [...learned, ...whenThen(learned, assessedOn('2026-12-24T16:30:00Z', overridden))];
    expect(whenThen(standardNow, tell('2027-01-05T10:00:00.000Z'))[0]).toMatchObject({ data: { onTime: true } });

    const burglary = [...received, ...whenThen(received, learn())];
    const enhancedNow = [...burglary, ...whenThen(burglary, assessedOn('2026-12-24T16:30:00Z', assessEnhanced as ReferralCommand & { type: 'AssessNeeds' }))];
    expect(whenThen(enhancedNow, tell('2026-12-30T09:00:00.000Z'))[0]).toMatchObject({ data: { onTime: false } });
  });

  it('moves a running deadline when a bank holiday is added on its due day: the calendar as it stands decides', () => {
    const monday = whenThen([], receive({ metadata: { now: new Date('2026-11-30T09:00:00Z') } }));
    const learned = [...monday, ...whenThen(monday, learn({ learnedAt: '2026-11-30T10:00:00.000Z', metadata: { now: new Date('2026-11-30T11:00:00Z') } }))];
    expect(learned.at(-1)).toMatchObject({ data: { dueBy: '2026-12-07' } });
    const withHoliday = englandAndWalesCalendar(['2026-12-07']);
    const referral = given(learned) as ReceivedReferral;
    expect(updateDueBy(referral, referral.cjEvents[0]!, withHoliday)).toBe('2026-12-08');
    expect(whenThen(learned, tell('2026-12-08T10:00:00.000Z', { calendar: withHoliday }))[0]).toMatchObject({ data: { onTime: true } });
    expect(whenThen(learned, tell('2026-12-08T10:00:00.000Z'))[0]).toMatchObject({ data: { onTime: false } });
  });

  it('tells the lists the last day an update could be learned and be overdue today, on the calendar given', () => {
    for (const enhanced of [true, false]) {
      const last = lastDayLearnedOverdue(calendar, '2027-01-04', enhanced);
      expect(calendar.addWorkingDays(last, updateWorkingDays(enhanced)) < '2027-01-04').toBe(true);
      expect(calendar.addWorkingDays(addDays(last, 1), updateWorkingDays(enhanced)) >= '2027-01-04').toBe(true);
    }
  });

  it('records an update on the due day as on time, with the working days it took', () => {
    const history = [...enhanced, ...whenThen(enhanced, learn())];
    expect(whenThen(history, tell('2026-12-29T15:00:00.000Z'))[0]).toMatchObject({ type: 'VictimUpdated', data: { onTime: true, workingDaysTaken: 1 } });
  });

  it('records an update after the due day as late', () => {
    const history = [...enhanced, ...whenThen(enhanced, learn())];
    expect(whenThen(history, tell('2026-12-30T09:00:00.000Z'))[0]).toMatchObject({ data: { onTime: false, workingDaysTaken: 2 } });
  });

  it('judges the due day by the date in England: 23:30 UTC in summer is already the next day', () => {
    const summer = { learnedAt: '2026-06-29T09:00:00.000Z', metadata: { now: new Date('2026-06-29T10:00:00Z') } };
    const june = whenThen([], receive({ metadata: { now: new Date('2026-06-01T10:00:00Z') } }));
    const enhancedInJune = [...june, ...whenThen(june, assessedOn('2026-06-02T10:00:00Z', assessEnhanced as ReferralCommand & { type: 'AssessNeeds' }))];
    const history = [...enhancedInJune, ...whenThen(enhancedInJune, learn(summer))];
    expect(history.at(-1)).toMatchObject({ data: { dueBy: '2026-06-30' } });
    expect(whenThen(history, tell('2026-06-30T23:30:00.000Z'))[0]).toMatchObject({ data: { onTime: false } });
  });

  it('refuses a second update, an unknown event, an update before learning and one in the future', () => {
    const history = [...received, ...whenThen(received, learn())];
    const told = [...history, ...whenThen(history, tell('2026-12-29T10:00:00.000Z'))];
    expect(ruleOf(() => whenThen(told, tell('2026-12-30T10:00:00.000Z')))).toBe('victim-already-updated');
    expect(() => whenThen(history, tell('2026-12-29T10:00:00.000Z', { cjEventId: 'cj-unknown' }))).toThrow(UnknownCasePart);
    expect(ruleOf(() => whenThen(history, tell('2026-12-24T15:00:00.000Z')))).toBe('update-before-event-learned');
    expect(ruleOf(() => whenThen(history, tell('2027-02-01T10:00:00.000Z')))).toBe('update-in-future');
  });

  it('refuses an event learned, or a contact made, before the referral was received', () => {
    expect(ruleOf(() => whenThen(received, learn({ learnedAt: '2026-11-30T10:00:00.000Z' })))).toBe('learned-before-receipt');
    const contact: ReferralCommand = { type: 'RecordContact', outcome: 'made', channel: 'phone', at: '2026-09-01T10:00:00.000Z', note: null, failureThreshold: 3, metadata: { now: christmasEve } };
    expect(ruleOf(() => whenThen(received, contact))).toBe('contact-before-receipt');
    expect(whenThen(received, { ...contact, at: '2026-12-01T11:00:00.000Z' })).toHaveLength(1);
  });

  it('refuses an event learned in the future, and any update for a victim who did not consent to contact', () => {
    expect(ruleOf(() => whenThen(received, learn({ learnedAt: '2026-12-25T10:00:00.000Z' })))).toBe('learned-in-future');
    const noContact = whenThen([], receive({ consent: { contact: false, dataSharing: false, basis: 'implied' }, metadata: { now: new Date('2026-12-01T10:00:00Z') } }));
    const history = [...noContact, ...whenThen(noContact, learn())];
    expect(ruleOf(() => whenThen(history, tell('2026-12-29T10:00:00.000Z')))).toBe('no-consent-to-contact');
  });
});
