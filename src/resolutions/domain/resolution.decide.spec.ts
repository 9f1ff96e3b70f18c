import { describe, expect, it } from '@jest/globals';
import { fold } from '../../shared/domain/decider.ts';
import { UnknownCasePart } from '../../shared/domain/errors.ts';
import { ruleOf, violationOf } from '../../shared/domain/rule-violations.testing.ts';
import { resolutionDecider, type AgreeRemedy, type ProposeResolution, type ResolutionCommand } from './resolution.decide.ts';
import { EventCatalog } from '../../event-store/event-catalog.ts';
import type { JsonObject } from '../../event-store/event-store.port.ts';
import { resolutionEventDefinitions, type ResolutionEvent, type VictimViews } from './resolution.events.ts';
import { resolutionStatus, toldOutcome, type ProposedResolution } from './resolution.state.ts';

const now = new Date('2026-03-02T10:00:00Z');
const at = { metadata: { now } };
const victim = (overrides: Partial<VictimViews> = {}): VictimViews => ({
  subjectId: 'v-1',
  name: 'Vic Tim',
  contact: '07700 900001',
  consulted: true,
  views: 'Wants the fence repaired',
  consents: true,
  ...overrides,
});

const proposal = (overrides: Partial<ProposeResolution> = {}): ProposeResolution => ({
  type: 'ProposeResolution',
  resolutionId: 'cr-1',
  crimeReference: '41/555/26',
  offenceTypeId: 'criminal-damage',
  eligibleOffenceTypes: ['criminal-damage', 'shop-theft'],
  offenceDate: '2026-02-20',
  offender: { subjectId: 'o-1', name: 'Owen Fender', dateOfBirth: '1990-04-01' },
  appropriateAdult: null,
  evidenceSufficient: true,
  offenderAdmits: true,
  offenderAgrees: true,
  victims: [victim()],
  flags: { domesticAbuse: false, intimatePartner: false, hateCrime: false },
  rationale: 'First offence, admitted, victim wants repair',
  ...at,
  ...overrides,
});

const supervisorDecides = (proceed: boolean): ResolutionCommand => ({
  type: 'RecordSupervisorDecision',
  proceed,
  reason: 'Proportionate: the victim wants it dealt with quickly',
  supervisor: 'sgt-42',
  ...at,
});

const remedy = (overrides: Partial<AgreeRemedy> = {}): AgreeRemedy => ({
  type: 'AgreeRemedy',
  remedyId: 'rem-1',
  remedyType: 'written-apology',
  chosenByVictim: true,
  victimChoice: null,
  overrideReason: null,
  details: null,
  dueDate: '2026-03-16',
  amount: null,
  hours: null,
  measure: null,
  ...at,
  ...overrides,
});

const complete = (remedyId = 'rem-1', overrides: object = {}): ResolutionCommand => ({
  type: 'CompleteRemedy',
  remedyId,
  completedAt: null,
  evidence: 'Letter seen',
  excessHoursReason: null,
  hoursDone: null,
  amountPaid: null,
  ...at,
  ...overrides,
});
const fail = (remedyId = 'rem-1', overrides: object = {}): ResolutionCommand => ({ type: 'FailRemedy', remedyId, reason: 'Did not turn up', hoursDone: null, amountPaid: null, ...at, ...overrides });
const inform = (about: 'agreement' | 'completion' | 'failure', victimId: string | null = null): ResolutionCommand => ({ type: 'InformVictim', victimId, about, channel: 'phone', at: null, ...at });
const close: ResolutionCommand = { type: 'CloseResolution', ...at };

const given = (events: ResolutionEvent[]) => fold(resolutionDecider, events);
const decide = (history: ResolutionEvent[], command: ResolutionCommand) => resolutionDecider.decide(command, given(history));
const apply = (history: ResolutionEvent[], ...commands: ResolutionCommand[]) => commands.reduce((events, command) => [...events, ...decide(events, command)], history);
const state = (events: ResolutionEvent[]) => given(events) as ProposedResolution;


const proposed = apply([], proposal());

describe('proposing a Community Resolution', () => {
  it('refuses, from any caller, a resolution without a crime reference, an offender without a name or date of birth and a victim without a name', () => {
    expect(ruleOf(() => decide([], proposal({ crimeReference: '' })))).toBe('crime-reference-required');
    expect(ruleOf(() => decide([], proposal({ offender: { subjectId: 'o-1', name: ' ', dateOfBirth: '1990-04-01' } })))).toBe('offender-required');
    expect(ruleOf(() => decide([], proposal({ offender: [] as unknown as ProposeResolution['offender'] })))).toBe('offender-required');
    expect(ruleOf(() => decide([], proposal({ victims: [victim({ name: '' })] })))).toBe('victim-name-required');
  });

  it('refuses text no store can hold, naming the field', () => {
    const refused = violationOf(() => decide([], proposal({ victims: [victim({ views: 'Fine\u0000' })] })));
    expect(refused.rule).toBe('unstorable-text');
    expect(refused.message).toMatch(/^victims\.0\.views /);
    expect(ruleOf(() => decide(proposed, fail('rem-1', { reason: '\ud83d' })))).toBe('unstorable-text');
  });

  it('records every precondition, the rationale and the server time, without the offence list', () => {
    const [event] = decide([], proposal());
    expect(event).toEqual({
      type: 'CommunityResolutionProposed',
      data: expect.objectContaining({
        resolutionId: 'cr-1',
        offenceTypeId: 'criminal-damage',
        evidenceSufficient: true,
        offenderAdmits: true,
        offenderAgrees: true,
        offenderUnder18AtOffence: false,
        rationale: 'First offence, admitted, victim wants repair',
        proposedAt: '2026-03-02T10:00:00.000Z',
      }),
    });
    expect(event!.data).not.toHaveProperty('eligibleOffenceTypes');
    expect(resolutionStatus(state([event!]))).toBe('awaiting-remedies');
  });

  it('names every failed precondition, the first as the rule', () => {
    const refusal = violationOf(() => decide([], proposal({ offenceTypeId: 'burglary', evidenceSufficient: false, offenderAgrees: false })));
    expect(refusal.rule).toBe('offence-not-eligible');
    expect(refusal.broken.map((broken) => broken.rule)).toEqual(['offence-not-eligible', 'insufficient-evidence', 'no-agreement']);
  });

  it('refuses an offence that is not on the configured list of low-level offences', () => {
    expect(ruleOf(() => decide([], proposal({ offenceTypeId: 'burglary' })))).toBe('offence-not-eligible');
  });

  it('refuses intimate-partner domestic abuse, but not other domestic abuse or hate crime', () => {
    const flags = { domesticAbuse: true, intimatePartner: true, hateCrime: false };
    expect(ruleOf(() => decide([], proposal({ flags })))).toBe('intimate-partner-domestic-abuse');
    expect(decide([], proposal({ flags: { domesticAbuse: true, intimatePartner: false, hateCrime: true } }))).toHaveLength(1);
  });

  it('refuses without sufficient evidence, an admission or the offender agreeing', () => {
    expect(ruleOf(() => decide([], proposal({ evidenceSufficient: false })))).toBe('insufficient-evidence');
    expect(ruleOf(() => decide([], proposal({ offenderAdmits: false })))).toBe('no-admission');
    expect(ruleOf(() => decide([], proposal({ offenderAgrees: false })))).toBe('no-agreement');
  });

  it('needs an appropriate adult for an offender under 18 on the offence date, not on the day of the proposal', () => {
    const seventeen = { subjectId: 'o-2', name: 'Young Offender', dateOfBirth: '2008-02-21' };
    expect(ruleOf(() => decide([], proposal({ offender: seventeen })))).toBe('appropriate-adult-required');
    const [event] = decide([], proposal({ offender: seventeen, appropriateAdult: { subjectId: 'aa-1', name: 'Parent', relationship: 'mother' } }));
    expect(event!.data).toMatchObject({ offenderUnder18AtOffence: true, appropriateAdult: { name: 'Parent' } });
    const eighteenOnTheDay = { ...seventeen, dateOfBirth: '2008-02-20' };
    expect(decide([], proposal({ offender: eighteenOnTheDay }))).toHaveLength(1);
  });

  it('refuses an offender below the age of criminal responsibility, born after the offence, or an offence in the future', () => {
    expect(ruleOf(() => decide([], proposal({ offender: { subjectId: 'o', name: 'Child', dateOfBirth: '2016-03-01' }, appropriateAdult: { subjectId: 'a', name: 'P', relationship: null } })))).toBe(
      'below-age-of-criminal-responsibility',
    );
    expect(ruleOf(() => decide([], proposal({ offender: { subjectId: 'o', name: 'X', dateOfBirth: '2026-02-21' } })))).toBe('born-after-offence');
    expect(ruleOf(() => decide([], proposal({ offenceDate: '2026-03-03' })))).toBe('offence-date-in-future');
  });

  it("records a proposal where a victim was not consulted or does not consent as awaiting a supervisor's decision", () => {
    const [event] = decide([], proposal({ victims: [victim({ consulted: false, consents: true })] }));
    expect(event!.data).toMatchObject({ victims: [{ consulted: false, consents: false }] });
    expect(event!.data).not.toHaveProperty('typedSupervisorDecision');
    expect(resolutionStatus(state([event!]))).toBe('awaiting-supervisor-decision');
    expect(resolutionStatus(state(apply([], proposal({ victims: [victim(), victim({ subjectId: 'v-2', consents: false })] }))))).toBe('awaiting-supervisor-decision');
    expect(resolutionStatus(state(proposed))).toBe('awaiting-remedies');
  });

  it('accepts a victimless offence and refuses to propose the same resolution twice', () => {
    expect(decide([], proposal({ victims: [] }))).toHaveLength(1);
    expect(ruleOf(() => decide(proposed, proposal()))).toBe('resolution-already-proposed');
  });

  it('refuses any change to a resolution that was never proposed', () => {
    expect(ruleOf(() => decide([], remedy()))).toBe('resolution-not-proposed');
  });
});

describe("a supervisor's decision where a victim has no say", () => {
  const withoutConsent = apply([], proposal({ victims: [victim({ consents: false })] }));

  it('is taken by the supervisor, who is recorded with the time of the decision and the reason; then remedies may be agreed', () => {
    expect(ruleOf(() => decide(withoutConsent, remedy()))).toBe('supervisor-decision-required');
    const [event] = decide(withoutConsent, supervisorDecides(true));
    expect(event).toEqual({
      type: 'SupervisorDecisionRecorded',
      data: { resolutionId: 'cr-1', subjectId: 'o-1', proceed: true, reason: 'Proportionate: the victim wants it dealt with quickly', supervisor: 'sgt-42', decidedAt: now.toISOString() },
    });
    const decided = [...withoutConsent, event!];
    expect(state(decided).supervisorDecision).toEqual({ proceed: true, reason: 'Proportionate: the victim wants it dealt with quickly', supervisor: 'sgt-42', decidedAt: now.toISOString(), typedByOfficer: false });
    expect(resolutionStatus(state(decided))).toBe('awaiting-remedies');
    expect(decide(decided, remedy({ chosenByVictim: false }))).toHaveLength(1);
    expect(ruleOf(() => decide(decided, supervisorDecides(false)))).toBe('supervisor-already-decided');
  });

  it('may stop the resolution: nothing more can be done on it', () => {
    const refused = apply(withoutConsent, supervisorDecides(false));
    expect(resolutionStatus(state(refused))).toBe('not-approved');
    expect(ruleOf(() => decide(refused, remedy()))).toBe('resolution-not-approved');
    expect(ruleOf(() => decide(refused, { type: 'CloseResolution', ...at }))).toBe('resolution-not-approved');
  });

  it('reads a decision typed into a proposal before version 2 as taken, marked as typed by the officer', () => {
    const stored = { ...withoutConsent[0]!.data, supervisorDecision: { supervisor: 'Sgt Smith', reason: 'Victim abroad' } };
    const upcast = new EventCatalog(resolutionEventDefinitions).toDomain<ResolutionEvent>({ type: 'CommunityResolutionProposed', schemaVersion: 1, data: stored as unknown as JsonObject });
    expect(state([upcast]).supervisorDecision).toEqual({ proceed: true, reason: 'Victim abroad', supervisor: 'Sgt Smith', decidedAt: now.toISOString(), typedByOfficer: true });
    expect(resolutionStatus(state([upcast]))).toBe('awaiting-remedies');
    const withoutDecision = new EventCatalog(resolutionEventDefinitions).toDomain<ResolutionEvent>({ type: 'CommunityResolutionProposed', schemaVersion: 1, data: { ...proposed[0]!.data, supervisorDecision: null } as unknown as JsonObject });
    expect(withoutDecision.data).toEqual(proposed[0]!.data);
  });

  it('is refused where every victim was consulted and consents', () => {
    expect(ruleOf(() => decide(proposed, supervisorDecides(true)))).toBe('supervisor-decision-not-needed');
  });
});

describe('agreeing remedies', () => {
  it('records a remedy the victim chose, with its due date', () => {
    const events = apply(proposed, remedy());
    expect(events.at(-1)).toEqual({
      type: 'RemedyAgreed',
      data: {
        resolutionId: 'cr-1',
        remedyId: 'rem-1',
        subjectId: 'o-1',
        remedyType: 'written-apology',
        chosenByVictim: true,
        victimChoice: 'written-apology',
        overrideReason: null,
        details: null,
        dueDate: '2026-03-16',
        amount: null,
        hours: null,
        agreedAt: now.toISOString(),
      },
    });
    expect(state(events).remedies).toEqual([expect.objectContaining({ id: 'rem-1', status: 'open', dueDate: '2026-03-16' })]);
    expect(resolutionStatus(state(events))).toBe('in-progress');
  });

  it('combines several remedies but not the same remedy id twice', () => {
    const events = apply(proposed, remedy(), remedy({ remedyId: 'rem-2', remedyType: 'reparation' }));
    expect(state(events).remedies).toHaveLength(2);
    expect(ruleOf(() => decide(events, remedy()))).toBe('remedy-already-agreed');
  });

  it('needs an override reason when the officer uses another remedy than the one the victim chose', () => {
    const override = remedy({ chosenByVictim: false, victimChoice: 'financial-compensation', remedyType: 'reparation' });
    expect(ruleOf(() => decide(proposed, override))).toBe('override-reason-required');
    const [event] = decide(proposed, { ...override, overrideReason: 'Offender has no income; repairing the damage instead' });
    expect(event!.data).toMatchObject({ chosenByVictim: false, victimChoice: 'financial-compensation', overrideReason: 'Offender has no income; repairing the damage instead' });
  });

  it("needs no reason for the officer's own choice where the victim chose nothing, and drops a reason that overrides nothing", () => {
    const [event] = decide(proposed, remedy({ chosenByVictim: false, overrideReason: 'unneeded' }));
    expect(event!.data).toMatchObject({ chosenByVictim: false, victimChoice: null, overrideReason: null });
  });

  it('refuses contradictory choices, and a victim choice where no victim was consulted', () => {
    expect(ruleOf(() => decide(proposed, remedy({ chosenByVictim: true, victimChoice: 'mediation' })))).toBe('victim-choice-conflict');
    const unconsulted = apply([], proposal({ victims: [victim({ consulted: false })] }), supervisorDecides(true));
    expect(ruleOf(() => decide(unconsulted, remedy()))).toBe('no-victim-consulted');
    expect(decide(unconsulted, remedy({ chosenByVictim: false }))).toHaveLength(1);
  });

  it('needs an amount in pence for compensation and hours for community work, and neither on other remedies', () => {
    const compensation = remedy({ remedyType: 'financial-compensation', measure: 'amount' });
    expect(ruleOf(() => decide(proposed, compensation))).toBe('compensation-amount-required');
    expect(decide(proposed, { ...compensation, amount: 5000 })[0]!.data).toMatchObject({ amount: 5000, hours: null });
    const work = remedy({ remedyType: 'unpaid-community-work', measure: 'hours', chosenByVictim: false });
    expect(ruleOf(() => decide(proposed, work))).toBe('community-work-hours-required');
    expect(decide(proposed, { ...work, hours: 6 })[0]!.data).toMatchObject({ hours: 6, amount: null });
    expect(ruleOf(() => decide(proposed, { ...work, hours: 6, amount: 100 }))).toBe('amount-only-for-compensation');
    expect(ruleOf(() => decide(proposed, remedy({ hours: 2 })))).toBe('hours-only-for-community-work');
  });

  it('refuses a due date before the day of agreement (in England)', () => {
    expect(ruleOf(() => decide(proposed, remedy({ dueDate: '2026-03-01' })))).toBe('due-date-in-past');
    expect(decide(proposed, remedy({ dueDate: '2026-03-02' }))).toHaveLength(1);
  });
});

describe('completing and failing remedies', () => {
  const agreed = apply(
    proposed,
    remedy({ remedyType: 'financial-compensation', measure: 'amount', amount: 5000 }),
    remedy({ remedyId: 'rem-2', remedyType: 'unpaid-community-work', measure: 'hours', chosenByVictim: false, hours: 10 }),
    remedy({ remedyId: 'rem-3' }),
  );

  it('completes an open remedy with evidence, defaulting to the agreed amount or hours', () => {
    const events = apply(agreed, complete('rem-1'), complete('rem-2', { hoursDone: 10, completedAt: '2026-03-02T09:00:00.000Z' }), complete('rem-3'));
    expect(state(events).remedies).toEqual([
      expect.objectContaining({ id: 'rem-1', status: 'completed', amountPaid: 5000, hoursDone: null, evidence: 'Letter seen', settledAt: now.toISOString() }),
      expect.objectContaining({ id: 'rem-2', status: 'completed', hoursDone: 10, amountPaid: null, excessHoursReason: null, settledAt: '2026-03-02T09:00:00.000Z' }),
      expect.objectContaining({ id: 'rem-3', status: 'completed', hoursDone: null, amountPaid: null }),
    ]);
  });

  it('records more community work hours than agreed only with a reason for them', () => {
    expect(ruleOf(() => decide(agreed, complete('rem-2', { hoursDone: 12 })))).toBe('excess-hours-reason-required');
    const events = apply(agreed, complete('rem-2', { hoursDone: 12, excessHoursReason: 'Stayed on to finish the fence' }));
    expect(state(events).remedies[1]).toMatchObject({ status: 'completed', hoursDone: 12, excessHoursReason: 'Stayed on to finish the fence' });
    // The hours agreed, or none beyond them, need no reason, and keep none given.
    expect(decide(agreed, complete('rem-2', { excessHoursReason: 'Not needed' }))[0]!.data).toMatchObject({ hoursDone: 10, excessHoursReason: null });
    // Nor is more than agreed a failure.
    expect(ruleOf(() => decide(agreed, fail('rem-2', { hoursDone: 11 })))).toBe('failed-after-agreed-hours');
  });

  it('refuses a completion short of the agreed amount or hours: that is a failure', () => {
    expect(ruleOf(() => decide(agreed, complete('rem-1', { amountPaid: 4999 })))).toBe('compensation-not-paid-in-full');
    expect(ruleOf(() => decide(agreed, complete('rem-2', { hoursDone: 9.5 })))).toBe('community-work-not-done-in-full');
    expect(ruleOf(() => decide(agreed, complete('rem-3', { amountPaid: 10 })))).toBe('amount-only-for-compensation');
    expect(ruleOf(() => decide(agreed, complete('rem-1', { hoursDone: 1 })))).toBe('hours-only-for-community-work');
  });

  it('refuses a completion in the future or before the agreement', () => {
    expect(ruleOf(() => decide(agreed, complete('rem-3', { completedAt: '2026-03-02T10:00:01.000Z' })))).toBe('completed-in-future');
    expect(ruleOf(() => decide(agreed, complete('rem-3', { completedAt: '2026-03-01T10:00:00.000Z' })))).toBe('completed-before-agreement');
  });

  it('records a failure with its reason and any part done, which is not punished but counted', () => {
    const events = apply(agreed, fail('rem-2', { hoursDone: 4 }));
    expect(events.at(-1)).toEqual({
      type: 'RemedyFailed',
      data: { resolutionId: 'cr-1', remedyId: 'rem-2', subjectId: 'o-1', reason: 'Did not turn up', hoursDone: 4, amountPaid: null, failedAt: now.toISOString() },
    });
    expect(state(events).remedies[1]).toMatchObject({ status: 'failed', failureReason: 'Did not turn up', hoursDone: 4 });
  });

  it('completes or fails only an open remedy, and names an unknown one', () => {
    const completed = apply(agreed, complete('rem-3'));
    expect(ruleOf(() => decide(completed, complete('rem-3')))).toBe('remedy-not-open');
    expect(ruleOf(() => decide(completed, fail('rem-3')))).toBe('remedy-not-open');
    const failed = apply(agreed, fail('rem-3'));
    expect(ruleOf(() => decide(failed, complete('rem-3')))).toBe('remedy-not-open');
    expect(() => decide(agreed, complete('rem-9'))).toThrow(UnknownCasePart);
  });
});

describe('informing the victim', () => {
  const agreed = apply(proposed, remedy());

  it('records who was told what, how and when', () => {
    const events = apply(agreed, inform('agreement'));
    expect(events.at(-1)).toEqual({
      type: 'VictimInformed',
      data: { resolutionId: 'cr-1', victimId: 'v-1', about: 'agreement', channel: 'phone', at: now.toISOString(), recordedAt: now.toISOString() },
    });
    expect(state(events).victims[0]!.informed).toEqual([{ about: 'agreement', channel: 'phone', at: now.toISOString(), settledRemedies: 0 }]);
  });

  it('tells only about what has happened', () => {
    expect(ruleOf(() => decide(proposed, inform('agreement')))).toBe('nothing-to-inform-about');
    expect(ruleOf(() => decide(agreed, inform('completion')))).toBe('nothing-to-inform-about');
    expect(ruleOf(() => decide(apply(agreed, complete()), inform('failure')))).toBe('nothing-to-inform-about');
    expect(ruleOf(() => decide(agreed, { ...inform('agreement'), at: '2026-03-02T11:00:00.000Z' } as ResolutionCommand))).toBe('informed-in-future');
  });

  it('refuses telling the victim of something on a day before it happened', () => {
    const informAt = (about: 'agreement' | 'completion' | 'failure', when: string) => ({ ...inform(about), at: when }) as ResolutionCommand;
    expect(ruleOf(() => decide(agreed, informAt('agreement', '2026-02-20T10:00:00.000Z')))).toBe('informed-before-news');
    expect(decide(agreed, informAt('agreement', '2026-03-02T08:00:00.000Z'))).toHaveLength(1); // told at the interview, typed in later that day
    const completed = apply(agreed, complete('rem-1', { completedAt: '2026-03-02T09:00:00.000Z' }));
    expect(ruleOf(() => decide(completed, informAt('completion', '2026-03-01T17:00:00.000Z')))).toBe('informed-before-news');
    expect(decide(completed, informAt('completion', '2026-03-02T09:30:00.000Z'))).toHaveLength(1);
    expect(ruleOf(() => decide(apply(agreed, fail('rem-1')), informAt('failure', '2026-02-27T10:00:00.000Z')))).toBe('informed-before-news');
  });

  it('needs the victim named where there are several, and knows only its own victims', () => {
    const two = apply([], proposal({ victims: [victim(), victim({ subjectId: 'v-2' })] }), remedy());
    expect(ruleOf(() => decide(two, inform('agreement')))).toBe('victim-must-be-named');
    expect(decide(two, inform('agreement', 'v-2'))[0]!.data).toMatchObject({ victimId: 'v-2' });
    expect(() => decide(two, inform('agreement', 'v-9'))).toThrow(UnknownCasePart);
    expect(ruleOf(() => decide(apply([], proposal({ victims: [] }), remedy({ chosenByVictim: false })), inform('agreement')))).toBe('no-victim');
  });
});

describe('closing', () => {
  const agreed = apply(proposed, remedy(), remedy({ remedyId: 'rem-2', remedyType: 'reparation' }));

  it('closes as complied when every remedy was completed and the victim was told', () => {
    const events = apply(agreed, complete('rem-1'), complete('rem-2'), inform('completion'), close);
    expect(events.at(-1)).toEqual({ type: 'CommunityResolutionClosed', data: { resolutionId: 'cr-1', outcome: 'complied', closedAt: now.toISOString() } });
    expect(resolutionStatus(state(events))).toBe('closed');
  });

  it('dates a failure or a closure typed in later when it happened, never before what it follows nor in the future', () => {
    const later = { metadata: { now: new Date('2026-03-10T10:00:00Z') } };
    expect(ruleOf(() => decide(agreed, fail('rem-2', { at: '2026-03-01T10:00:00.000Z', ...later })))).toBe('failed-before-agreement');
    const told = apply(agreed, complete('rem-1'), fail('rem-2', { at: '2026-03-02T11:00:00.000Z', ...later }), inform('failure'));
    expect(ruleOf(() => decide(told, { ...close, at: '2026-03-02T10:30:00.000Z', ...later } as ResolutionCommand))).toBe('closed-before-last-remedy-settled');
    expect(ruleOf(() => decide(told, { ...close, at: '2026-03-11T10:00:00.000Z', ...later } as ResolutionCommand))).toBe('closed-in-future');
    expect(decide(told, { ...close, at: '2026-03-03T10:00:00.000Z', ...later } as ResolutionCommand)[0]!.data).toMatchObject({ closedAt: '2026-03-03T10:00:00.000Z' });
  });

  it('closes as not complied when any remedy failed and the victim was told of the failure', () => {
    const events = apply(agreed, complete('rem-1'), fail('rem-2'), inform('failure'), close);
    expect(events.at(-1)!.data).toMatchObject({ outcome: 'not-complied' });
  });

  it('is ready to close exactly when close succeeds: every remedy settled and every victim told since', () => {
    const stages = [
      proposed,
      agreed,
      apply(agreed, complete('rem-1')),
      apply(agreed, complete('rem-1'), complete('rem-2')),
      apply(agreed, complete('rem-1'), inform('completion'), fail('rem-2')),
      apply(agreed, complete('rem-1'), complete('rem-2'), inform('completion')),
    ];
    const closes = (events: ResolutionEvent[]) => {
      try {
        return decide(events, close).length === 1;
      } catch {
        return false;
      }
    };
    expect(stages.map((events) => resolutionStatus(state(events)))).toEqual(['awaiting-remedies', 'in-progress', 'in-progress', 'informing-victims', 'informing-victims', 'ready-to-close']);
    for (const events of stages) expect({ status: resolutionStatus(state(events)), closes: closes(events) }).toEqual({ status: resolutionStatus(state(events)), closes: resolutionStatus(state(events)) === 'ready-to-close' });
  });

  it('refuses while a remedy is open, or before any remedy was agreed', () => {
    expect(ruleOf(() => decide(proposed, close))).toBe('no-remedy-agreed');
    expect(ruleOf(() => decide(apply(agreed, complete('rem-1'), inform('completion')), close))).toBe('remedy-still-open');
  });

  it('refuses until the victim has been told the outcome after the last remedy settled', () => {
    const settled = apply(agreed, complete('rem-1'), inform('completion'), fail('rem-2'));
    expect(ruleOf(() => decide(settled, close))).toBe('victim-not-informed');
    expect(ruleOf(() => decide(apply(settled, inform('completion')), close))).toBe('victim-not-informed');
    expect(toldOutcome(state(apply(settled, inform('failure'))).victims[0]!, state(settled).remedies)).toBe(true);
    expect(decide(apply(settled, inform('failure')), close)).toHaveLength(1);
  });

  it('does not count telling dated before the last remedy was completed, even when it was entered after', () => {
    const later = new Date('2026-03-04T10:00:00Z');
    const first = apply(agreed, complete('rem-1', { completedAt: '2026-03-02T09:00:00.000Z' }));
    const both = apply(first, { ...complete('rem-2'), metadata: { now: later } });
    const toldEarly = apply(both, { ...inform('completion'), at: '2026-03-03T10:00:00.000Z', metadata: { now: later } } as ResolutionCommand);
    expect(toldOutcome(state(toldEarly).victims[0]!, state(toldEarly).remedies)).toBe(false);
    expect(ruleOf(() => decide(toldEarly, { ...close, metadata: { now: later } }))).toBe('victim-not-informed');
    const toldAfter = apply(toldEarly, { ...inform('completion'), metadata: { now: later } });
    expect(decide(toldAfter, { ...close, metadata: { now: later } })).toHaveLength(1);
  });

  it('needs every victim told', () => {
    const two = apply([], proposal({ victims: [victim(), victim({ subjectId: 'v-2' })] }), remedy(), complete(), inform('completion', 'v-1'));
    expect(ruleOf(() => decide(two, close))).toBe('victim-not-informed');
    expect(decide(apply(two, inform('completion', 'v-2')), close)).toHaveLength(1);
  });

  it('refuses every change once closed', () => {
    const closed = apply(agreed, complete('rem-1'), complete('rem-2'), inform('completion'), close);
    for (const command of [remedy({ remedyId: 'rem-3' }), complete('rem-1'), fail('rem-1'), inform('completion'), close]) {
      expect(ruleOf(() => decide(closed, command))).toBe('resolution-closed');
    }
  });
});

describe("an offender's equality-monitoring answers", () => {
  const answers = { gender: 'man', ethnicity: 'black-caribbean', disability: 'prefer-not-to-say' } as const;
  const record: ResolutionCommand = { type: 'RecordDemographics', ...answers, ...at };

  it('records them under the offender with the age band at the offence, with the proposal or later', () => {
    const proposed = resolutionDecider.decide(proposal(), fold(resolutionDecider, []));
    expect(resolutionDecider.decide(record, fold(resolutionDecider, proposed))).toEqual([
      { type: 'OffenderDemographicsRecorded', data: { resolutionId: 'cr-1', subjectId: 'o-1', ...answers, ageBand: '35-44', recordedAt: now.toISOString() } },
    ]);
    const withProposal = resolutionDecider.decide(proposal({ demographics: answers }), fold(resolutionDecider, []));
    expect(withProposal.map((event) => event.type)).toEqual(['CommunityResolutionProposed', 'OffenderDemographicsRecorded']);
    expect(withProposal[0]!.data).not.toHaveProperty('demographics');
    expect((fold(resolutionDecider, withProposal) as ProposedResolution).demographics).toEqual({ ...answers, ageBand: '35-44' });
  });

  it('refuses the same answers again, a value outside its list, or an unknown resolution', () => {
    const history = resolutionDecider.decide(proposal({ demographics: answers }), fold(resolutionDecider, []));
    expect(ruleOf(() => resolutionDecider.decide(record, fold(resolutionDecider, history)))).toBe('demographics-unchanged');
    expect(ruleOf(() => resolutionDecider.decide({ ...record, disability: 'sometimes' as never }, fold(resolutionDecider, history)))).toBe('demographic-not-in-list');
    expect(ruleOf(() => resolutionDecider.decide(record, fold(resolutionDecider, [])))).toBe('resolution-not-proposed');
  });
});
