import { londonDate } from '../../calendar/working-days.ts';
import { effectiveAt } from '../../shared/domain/effective-time.ts';
import { assertNever, type CommandMetadata } from '../../shared/domain/decider.ts';
import { changedDetails } from '../../shared/domain/corrections.ts';
import { DomainRuleViolation, UnknownCasePart } from '../../shared/domain/errors.ts';
import { propose, type ProposeResolution } from './proposal.ts';
import { measureAgreed, type Measure } from './remedy-measures.ts';
import type { InformChannel, InformedAbout, ResolutionEvent } from './resolution.events.ts';
import {
  awaitsSupervisorDecision,
  evolveResolution,
  initialResolution,
  newsDay,
  outcomeNews,
  outcomeOf,
  resolutionStatus,
  untoldVictims,
  victimsWithoutSay,
  type ProposedResolution,
  type Remedy,
  type Resolution,
} from './resolution.state.ts';
import { refuseUnstorableText } from '../../shared/domain/storable-text.ts';
import { caseNote, type AddCaseNote } from '../../shared/domain/case-note.ts';
import { recordedDemographics, type RecordDemographics } from '../../shared/domain/demographics.events.ts';

export type { ProposeResolution } from './proposal.ts';

/** A supervisor decides whether a resolution goes ahead without every victim consulted and consenting. */
export interface RecordSupervisorDecision {
  type: 'RecordSupervisorDecision';
  proceed: boolean;
  reason: string;
  /** The supervisor's user id, from their token. */
  supervisor: string;
  metadata: CommandMetadata;
}

export interface AgreeRemedy {
  type: 'AgreeRemedy';
  remedyId: string;
  remedyType: string;
  /** The victim chose this very remedy from the menu. */
  chosenByVictim: boolean;
  /** The menu item the victim chose when the officer uses another in its place. */
  victimChoice: string | null;
  overrideReason: string | null;
  details: string | null;
  dueDate: string;
  amount: number | null;
  hours: number | null;
  /** How the menu measures this remedy type (its `measure` attribute), or null. */
  measure: Measure | null;
  /** When it was agreed, if given; now otherwise. */
  at?: string;
  metadata: CommandMetadata;
}

export interface CompleteRemedy {
  type: 'CompleteRemedy';
  remedyId: string;
  /** Defaults to now. */
  completedAt: string | null;
  evidence: string;
  /** Needed when more community work was done than agreed. */
  excessHoursReason: string | null;
  /** Default to the agreed hours or amount. */
  hoursDone: number | null;
  amountPaid: number | null;
  metadata: CommandMetadata;
}

export interface FailRemedy {
  type: 'FailRemedy';
  remedyId: string;
  reason: string;
  hoursDone: number | null;
  amountPaid: number | null;
  /** When it was found to have failed, if given; now otherwise. */
  at?: string;
  metadata: CommandMetadata;
}

export interface InformVictim {
  type: 'InformVictim';
  /** May be left out when the resolution has a single victim. */
  victimId: string | null;
  about: InformedAbout;
  channel: InformChannel;
  /** Defaults to now. */
  at: string | null;
  metadata: CommandMetadata;
}

export interface CloseResolution {
  type: 'CloseResolution';
  /** When it was closed, if given; now otherwise. */
  at?: string;
  metadata: CommandMetadata;
}

/** Puts a wrong offence type right: only to one on the configured list, as a proposal would be. */
export interface CorrectOffence {
  type: 'CorrectOffence';
  offenceTypeId: string;
  eligibleOffenceTypes: readonly string[];
  reason: string;
  metadata: CommandMetadata;
}

/** Puts a person's name right, or a victim's contact; a field left out stays as it is. */
export interface CorrectPerson {
  type: 'CorrectPerson';
  subjectId: string;
  corrected: { name?: string; contact?: string | null };
  reason: string;
  metadata: CommandMetadata;
}

export type ResolutionCommand =
  | ProposeResolution
  | CorrectOffence
  | CorrectPerson
  | RecordSupervisorDecision
  | AgreeRemedy
  | CompleteRemedy
  | FailRemedy
  | InformVictim
  | CloseResolution
  | AddCaseNote
  | RecordDemographics;

export function decideResolution(command: ResolutionCommand, state: Resolution): ResolutionEvent[] {
  refuseUnstorableText(command);
  switch (command.type) {
    case 'ProposeResolution':
      if (state.status !== 'none') throw new DomainRuleViolation('resolution-already-proposed', 'This Community Resolution has already been proposed');
      return proposeWithAnswers(command);
    case 'CorrectOffence':
      return correctOffence(command, state);
    case 'CorrectPerson':
      return correctPerson(command, state);
    case 'RecordSupervisorDecision':
      return recordSupervisorDecision(command, open(state));
    case 'AgreeRemedy':
      return agree(command, open(state));
    case 'CompleteRemedy':
      return complete(command, open(state));
    case 'FailRemedy':
      return fail(command, open(state));
    case 'InformVictim':
      return inform(command, open(state));
    case 'CloseResolution':
      return close(command, open(state));
    case 'AddCaseNote':
      return note(command, state);
    case 'RecordDemographics':
      return recordDemographics(command, proposed(state));
    default:
      return assertNever(command);
  }
}

function correctOffence(command: CorrectOffence, state: Resolution): ResolutionEvent[] {
  if (state.status === 'none') throw new DomainRuleViolation('resolution-not-proposed', 'There is no Community Resolution with this id');
  const corrected = changedDetails({ offenceTypeId: command.offenceTypeId }, { offenceTypeId: state.offenceTypeId }) as { offenceTypeId: string };
  if (!command.eligibleOffenceTypes.includes(command.offenceTypeId)) {
    throw new DomainRuleViolation('offence-not-eligible', `Only these low-level offences may be resolved this way: ${command.eligibleOffenceTypes.join(', ')}`);
  }
  const data = { resolutionId: state.id, subjectId: state.offender.subjectId, corrected, reason: command.reason, correctedAt: command.metadata.now.toISOString() };
  return [{ type: 'OffenceCorrected', data }];
}

function correctPerson(command: CorrectPerson, state: Resolution): ResolutionEvent[] {
  if (state.status === 'none') throw new DomainRuleViolation('resolution-not-proposed', 'There is no Community Resolution with this id');
  const victim = state.victims.find((candidate) => candidate.subjectId === command.subjectId);
  const person = victim ?? [state.offender, state.appropriateAdult].find((candidate) => candidate?.subjectId === command.subjectId);
  if (!person) throw new UnknownCasePart('person', command.subjectId);
  if (!victim && command.corrected.contact !== undefined) throw new DomainRuleViolation('contact-not-held', 'Only a victim\'s contact is recorded on a Community Resolution');
  const corrected = changedDetails(command.corrected, { name: person.name, contact: victim?.contact ?? null });
  if (corrected.name !== undefined && !corrected.name.trim()) throw new DomainRuleViolation('name-required', 'A person on a Community Resolution needs a name');
  const data = { resolutionId: state.id, subjectId: command.subjectId, corrected, reason: command.reason, correctedAt: command.metadata.now.toISOString() };
  return [{ type: 'ResolutionPersonCorrected', data }];
}

function proposeWithAnswers(command: ProposeResolution): ResolutionEvent[] {
  const proposal = propose(command);
  if (!command.demographics) return [proposal];
  // Answered with the proposal: recorded alongside, as the same answers would be later.
  const resolution = evolveResolution(initialResolution(), proposal) as ProposedResolution;
  return [proposal, ...recordDemographics({ type: 'RecordDemographics', ...command.demographics, metadata: command.metadata }, resolution)];
}

/**
 * Equality monitoring of out-of-court disposals is about who receives them: the offender's answers, with their age
 * band at the offence. A resolution's victims are monitored where they are supported (Beacon), not here.
 */
function recordDemographics(command: RecordDemographics, resolution: ProposedResolution): ResolutionEvent[] {
  const { offender } = resolution;
  const person = { subjectId: offender.subjectId, dateOfBirth: offender.dateOfBirth, offenceDay: resolution.offenceDate, current: resolution.demographics ?? null };
  return [{ type: 'OffenderDemographicsRecorded', data: { resolutionId: resolution.id, ...recordedDemographics(command, person) } }];
}

function proposed(state: Resolution): ProposedResolution {
  if (state.status === 'none') throw new DomainRuleViolation('resolution-not-proposed', 'There is no Community Resolution with this id');
  return state;
}

function open(state: Resolution): ProposedResolution {
  if (state.status === 'none') throw new DomainRuleViolation('resolution-not-proposed', 'There is no Community Resolution with this id');
  if (state.closure) throw new DomainRuleViolation('resolution-closed', 'The Community Resolution is closed');
  if (state.supervisorDecision?.proceed === false) {
    throw new DomainRuleViolation('resolution-not-approved', 'A supervisor decided the Community Resolution does not go ahead');
  }
  return state;
}

/** A note may be added to any resolution, ended or not; its text belongs to the offender, like the rationale. */
function note(command: AddCaseNote, state: Resolution): ResolutionEvent[] {
  if (state.status === 'none') throw new DomainRuleViolation('resolution-not-proposed', 'There is no Community Resolution with this id');
  const ended = state.closure !== null || state.supervisorDecision?.proceed === false;
  return [{ type: 'ResolutionNoteAdded', data: { resolutionId: state.id, ...caseNote(command, state.offender.subjectId, ended) } }];
}

function recordSupervisorDecision(command: RecordSupervisorDecision, state: ProposedResolution): ResolutionEvent[] {
  if (victimsWithoutSay(state.victims).length === 0) {
    throw new DomainRuleViolation('supervisor-decision-not-needed', 'Every victim was consulted and consents: no supervisor decision is needed');
  }
  if (state.supervisorDecision) throw new DomainRuleViolation('supervisor-already-decided', 'A supervisor has already decided on this Community Resolution');
  const { proceed, reason, supervisor } = command;
  const data = { resolutionId: state.id, subjectId: state.offender.subjectId, proceed, reason, supervisor, decidedAt: command.metadata.now.toISOString() };
  return [{ type: 'SupervisorDecisionRecorded', data }];
}

function agree(command: AgreeRemedy, state: ProposedResolution): ResolutionEvent[] {
  if (awaitsSupervisorDecision(state)) {
    const count = victimsWithoutSay(state.victims).length;
    throw new DomainRuleViolation('supervisor-decision-required', `${count} victim(s) were not consulted or do not consent: a supervisor must first decide whether to proceed`);
  }
  if (state.remedies.some((remedy) => remedy.id === command.remedyId)) throw new DomainRuleViolation('remedy-already-agreed', 'This remedy has already been agreed');
  const victimChoice = command.chosenByVictim ? (command.victimChoice ?? command.remedyType) : command.victimChoice;
  if (command.chosenByVictim && victimChoice !== command.remedyType) {
    throw new DomainRuleViolation('victim-choice-conflict', 'chosenByVictim says the victim chose this remedy, but victimChoice names another');
  }
  if (victimChoice !== null && !state.victims.some((victim) => victim.consulted)) {
    throw new DomainRuleViolation('no-victim-consulted', 'No victim was consulted, so none chose a remedy');
  }
  const overridden = victimChoice !== null && victimChoice !== command.remedyType;
  if (overridden && !command.overrideReason) {
    throw new DomainRuleViolation('override-reason-required', `The victim chose ${victimChoice}: record why ${command.remedyType} is used instead`);
  }
  requireMeasures(command.remedyType, command.measure, { amount: command.amount, hours: command.hours }, true);
  const agreedAt = effectiveAt(command, 'agreed', [[state.proposedAt, 'proposal'], [state.supervisorDecision?.decidedAt, 'supervisor-decision']]);
  if (command.dueDate < londonDate(agreedAt)) throw new DomainRuleViolation('due-date-in-past', 'A remedy cannot be due before the day it is agreed');
  return [
    {
      type: 'RemedyAgreed',
      data: {
        resolutionId: state.id,
        remedyId: command.remedyId,
        subjectId: state.offender.subjectId,
        remedyType: command.remedyType,
        chosenByVictim: victimChoice === command.remedyType,
        victimChoice,
        overrideReason: overridden ? command.overrideReason : null,
        details: command.details,
        dueDate: command.dueDate,
        amount: command.amount,
        hours: command.hours,
        agreedAt,
      },
    },
  ];
}

const MEASURE_RULES: Record<Measure, { required: string; only: string; what: string }> = {
  amount: { required: 'compensation-amount-required', only: 'amount-only-for-compensation', what: 'an amount in pence' },
  hours: { required: 'community-work-hours-required', only: 'hours-only-for-community-work', what: 'a number of hours' },
};

/** A remedy measured by amount (compensation) has one, one measured in hours (community work) has those; nothing else has either. */
function requireMeasures(remedyType: string, measured: Measure | null, given: Record<Measure, number | null>, agreeing: boolean): void {
  for (const measure of ['amount', 'hours'] as const) {
    const rule = MEASURE_RULES[measure];
    if (measure !== measured && given[measure] !== null) throw new DomainRuleViolation(rule.only, `A ${remedyType} remedy has no ${measure}`);
    if (agreeing && measure === measured && given[measure] === null) throw new DomainRuleViolation(rule.required, `A ${remedyType} remedy needs ${rule.what}`);
  }
}

function openRemedy(state: ProposedResolution, remedyId: string): Remedy {
  const remedy = state.remedies.find((candidate) => candidate.id === remedyId);
  if (!remedy) throw new UnknownCasePart('remedy', remedyId);
  if (remedy.status !== 'open') throw new DomainRuleViolation('remedy-not-open', `The remedy is already ${remedy.status}`);
  return remedy;
}

function complete(command: CompleteRemedy, state: ProposedResolution): ResolutionEvent[] {
  const remedy = openRemedy(state, command.remedyId);
  requireMeasures(remedy.remedyType, measureAgreed(remedy), { amount: command.amountPaid, hours: command.hoursDone }, false);
  const completedAt = command.completedAt ?? command.metadata.now.toISOString();
  if (Date.parse(completedAt) > command.metadata.now.getTime()) throw new DomainRuleViolation('completed-in-future', 'A remedy can only be recorded as completed once it has been');
  // By day: an apology made in the interview may be typed in after the agreement that records it.
  if (londonDate(completedAt) < londonDate(remedy.agreedAt)) throw new DomainRuleViolation('completed-before-agreement', 'A remedy cannot be completed before the day it was agreed');
  const amountPaid = command.amountPaid ?? remedy.amount;
  const hoursDone = command.hoursDone ?? remedy.hours;
  if (remedy.amount !== null && amountPaid! < remedy.amount) {
    throw new DomainRuleViolation('compensation-not-paid-in-full', 'Less than the agreed compensation was paid: record the remedy as failed instead');
  }
  if (remedy.hours !== null && hoursDone! < remedy.hours) {
    throw new DomainRuleViolation('community-work-not-done-in-full', 'Fewer than the agreed hours were worked: record the remedy as failed instead');
  }
  const beyondAgreement = remedy.hours !== null && hoursDone! > remedy.hours;
  if (beyondAgreement && !command.excessHoursReason) {
    throw new DomainRuleViolation('excess-hours-reason-required', `${hoursDone} hours were recorded against ${remedy.hours} agreed: give an excessHoursReason for the difference`);
  }
  const excessHoursReason = beyondAgreement ? command.excessHoursReason : null;
  const data = { resolutionId: state.id, remedyId: remedy.id, subjectId: state.offender.subjectId, completedAt, evidence: command.evidence, excessHoursReason, hoursDone, amountPaid, recordedAt: command.metadata.now.toISOString() };
  return [{ type: 'RemedyCompleted', data }];
}

function fail(command: FailRemedy, state: ProposedResolution): ResolutionEvent[] {
  const remedy = openRemedy(state, command.remedyId);
  requireMeasures(remedy.remedyType, measureAgreed(remedy), { amount: command.amountPaid, hours: command.hoursDone }, false);
  if (remedy.hours !== null && command.hoursDone !== null && command.hoursDone > remedy.hours) {
    throw new DomainRuleViolation('failed-after-agreed-hours', 'More than the agreed hours were worked: record the remedy as completed, with an excessHoursReason');
  }
  const data = {
    resolutionId: state.id,
    remedyId: remedy.id,
    subjectId: state.offender.subjectId,
    reason: command.reason,
    hoursDone: command.hoursDone,
    amountPaid: command.amountPaid,
    failedAt: effectiveAt(command, 'failed', [[remedy.agreedAt, 'agreement']]),
  };
  return [{ type: 'RemedyFailed', data }];
}

/** What there must be to tell a victim about. */
const NEWS: Record<InformedAbout, (remedy: Remedy) => boolean> = {
  agreement: () => true,
  completion: (remedy) => remedy.status === 'completed',
  failure: (remedy) => remedy.status === 'failed',
};

function inform(command: InformVictim, state: ProposedResolution): ResolutionEvent[] {
  if (state.victims.length === 0) throw new DomainRuleViolation('no-victim', 'This resolution has no victim to inform');
  if (command.victimId === null && state.victims.length > 1) throw new DomainRuleViolation('victim-must-be-named', 'This resolution has several victims: name the victimId');
  const victim = command.victimId === null ? state.victims[0]! : state.victims.find((candidate) => candidate.subjectId === command.victimId);
  if (!victim) throw new UnknownCasePart('victim', command.victimId!);
  const news = state.remedies.filter(NEWS[command.about]);
  if (news.length === 0) throw new DomainRuleViolation('nothing-to-inform-about', `No remedy has reached ${command.about} yet`);
  const at = command.at ?? command.metadata.now.toISOString();
  if (Date.parse(at) > command.metadata.now.getTime()) throw new DomainRuleViolation('informed-in-future', 'A victim can only be recorded as informed once they have been');
  const firstNewsDay = news.map(newsDay).sort()[0]!;
  if (londonDate(at) < firstNewsDay) {
    throw new DomainRuleViolation('informed-before-news', `The victim cannot have been told of the ${command.about} before ${firstNewsDay}, when it happened`);
  }
  const data = { resolutionId: state.id, victimId: victim.subjectId, about: command.about, channel: command.channel, at, recordedAt: command.metadata.now.toISOString() };
  return [{ type: 'VictimInformed', data }];
}

/** Closing is refused at every stage before ready-to-close, so the status a list shows is the answer close gives. */
function close(command: CloseResolution, state: ProposedResolution): ResolutionEvent[] {
  const outcome = outcomeOf(state.remedies);
  const status = resolutionStatus(state);
  if (status === 'awaiting-remedies') throw new DomainRuleViolation('no-remedy-agreed', 'No remedy has been agreed yet');
  if (status === 'in-progress') {
    const open = state.remedies.filter((remedy) => remedy.status === 'open').length;
    throw new DomainRuleViolation('remedy-still-open', `${open} remedy(ies) are still open: complete or fail them first`);
  }
  if (status === 'informing-victims') {
    throw new DomainRuleViolation('victim-not-informed', `${untoldVictims(state)} victim(s) have not been told about the ${outcomeNews(outcome)} since the last remedy was settled`);
  }
  const lastSettled = state.remedies.map((remedy) => remedy.settledAt ?? '').sort().at(-1);
  const closedAt = effectiveAt(command, 'closed', [[lastSettled, 'last-remedy-settled']]);
  return [{ type: 'CommunityResolutionClosed', data: { resolutionId: state.id, outcome, closedAt } }];
}

export const resolutionDecider = {
  initialState: initialResolution,
  evolve: evolveResolution,
  decide: decideResolution,
};
