import { londonDate } from '../../calendar/working-days.ts';
import { correctedFields } from '../../shared/domain/corrections.ts';
import { assertNever } from '../../shared/domain/decider.ts';
import type { Demographics } from '../../shared/domain/demographics.ts';
import { demographicsOf } from '../../shared/domain/demographics.events.ts';
import type { CommunityResolutionProposed, InformChannel, InformedAbout, ResolutionEvent, ResolutionOutcome, VictimViews } from './resolution.events.ts';

type ProposalDetails = Omit<CommunityResolutionProposed['data'], 'resolutionId' | 'victims' | 'typedSupervisorDecision'>;

/** A supervisor's decision whether to go ahead without every victim consulted and consenting. */
export interface SupervisorDecision {
  proceed: boolean;
  reason: string;
  /** The supervisor's user id; for a decision typed into a proposal before version 2, the name the officer typed. */
  supervisor: string;
  decidedAt: string;
  /** Typed by the proposing officer (proposals before version 2), not recorded by the supervisor. */
  typedByOfficer: boolean;
}

export type RemedyStatus = 'open' | 'completed' | 'failed';

export interface Remedy {
  id: string;
  remedyType: string;
  chosenByVictim: boolean;
  victimChoice: string | null;
  overrideReason: string | null;
  details: string | null;
  dueDate: string;
  amount: number | null;
  hours: number | null;
  agreedAt: string;
  status: RemedyStatus;
  /** When it was completed or failed. */
  settledAt: string | null;
  evidence: string | null;
  /** Why more community work was done than agreed, when it was. */
  excessHoursReason: string | null;
  failureReason: string | null;
  hoursDone: number | null;
  amountPaid: number | null;
}

export interface Informing {
  about: InformedAbout;
  channel: InformChannel;
  at: string;
  /** How many remedies had been settled when the victim was told: telling counts for the outcome only after the last one. */
  settledRemedies: number;
}

export interface Victim extends VictimViews {
  informed: Informing[];
}

export interface ProposedResolution extends ProposalDetails {
  status: 'proposed';
  id: string;
  victims: Victim[];
  supervisorDecision: SupervisorDecision | null;
  remedies: Remedy[];
  closure: { outcome: ResolutionOutcome; at: string } | null;
  /** Each correction of the offence or of a person's details (`of` their subject id), with why; the values above are the corrected ones. */
  corrections: { of: string; fields: string[]; reason: string; at: string }[];
  /** The offender's equality-monitoring answers: never shown on the case, counted only in reports (absent from the list's rows, which keep them in columns). */
  demographics?: Demographics | null;
}

export type Resolution = { status: 'none' } | ProposedResolution;

export const initialResolution = (): Resolution => ({ status: 'none' });

/**
 * Where the resolution stands, derived from the facts rather than stored beside them. Closing checks these very
 * stages, so `ready-to-close` means that close succeeds: every remedy settled and every victim told the outcome.
 */
export type ResolutionStatus = 'awaiting-supervisor-decision' | 'not-approved' | 'awaiting-remedies' | 'in-progress' | 'informing-victims' | 'ready-to-close' | 'closed';
export const RESOLUTION_STATUSES: readonly ResolutionStatus[] = [
  'awaiting-supervisor-decision',
  'not-approved',
  'awaiting-remedies',
  'in-progress',
  'informing-victims',
  'ready-to-close',
  'closed',
];

export function resolutionStatus(resolution: ProposedResolution): ResolutionStatus {
  if (resolution.closure) return 'closed';
  if (resolution.supervisorDecision?.proceed === false) return 'not-approved';
  if (awaitsSupervisorDecision(resolution)) return 'awaiting-supervisor-decision';
  if (resolution.remedies.length === 0) return 'awaiting-remedies';
  if (resolution.remedies.some((remedy) => remedy.status === 'open')) return 'in-progress';
  return untoldVictims(resolution) > 0 ? 'informing-victims' : 'ready-to-close';
}

/** The victims not yet told the outcome since the last remedy settled. */
export const untoldVictims = (resolution: ProposedResolution): number => resolution.victims.filter((victim) => !toldOutcome(victim, resolution.remedies)).length;

/** Victims who were not consulted or do not consent: the resolution goes ahead only on a supervisor's decision. */
export const victimsWithoutSay = (victims: readonly VictimViews[]) => victims.filter((victim) => !victim.consulted || !victim.consents);

export const awaitsSupervisorDecision = (resolution: ProposedResolution): boolean =>
  resolution.supervisorDecision === null && victimsWithoutSay(resolution.victims).length > 0;

/** Complied with only when every remedy agreed was completed (DOMAIN.md section 3). */
export const outcomeOf = (remedies: readonly Remedy[]): ResolutionOutcome => (remedies.every((remedy) => remedy.status === 'completed') ? 'complied' : 'not-complied');

/** What a victim must have been told, after the last remedy settled, before the resolution closes. */
export const outcomeNews = (outcome: ResolutionOutcome): InformedAbout => (outcome === 'complied' ? 'completion' : 'failure');

export const settledCount = (remedies: readonly Remedy[]) => remedies.filter((remedy) => remedy.status !== 'open').length;

/**
 * The first day in England a victim can have heard of a remedy's news: the day it was completed, or for an
 * agreement or a failure (whose moment is not recorded) the day it was agreed.
 */
export const newsDay = (remedy: Remedy): string => londonDate(remedy.status === 'completed' && remedy.settledAt ? remedy.settledAt : remedy.agreedAt);

export function toldOutcome(victim: Victim, remedies: readonly Remedy[]): boolean {
  const settled = settledCount(remedies);
  const news = outcomeNews(outcomeOf(remedies));
  const lastNewsDay = remedies.map(newsDay).sort().at(-1);
  return (
    remedies.length > 0 &&
    settled === remedies.length &&
    victim.informed.some((told) => told.about === news && told.settledRemedies === settled && londonDate(told.at) >= lastNewsDay!)
  );
}

export function evolveResolution(state: Resolution, event: ResolutionEvent): Resolution {
  if (event.type === 'CommunityResolutionProposed') {
    const { resolutionId, victims, typedSupervisorDecision, ...details } = event.data;
    const supervisorDecision = typedSupervisorDecision ? { proceed: true, ...typedSupervisorDecision, decidedAt: details.proposedAt, typedByOfficer: true } : null;
    return { status: 'proposed', id: resolutionId, ...details, victims: victims.map((victim) => ({ ...victim, informed: [] })), supervisorDecision, remedies: [], closure: null, corrections: [], demographics: null };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ResolutionPersonCorrected': {
      const { subjectId, corrected, reason, correctedAt } = event.data;
      const fix = <Person extends { subjectId: string }>(person: Person): Person => (person.subjectId === subjectId ? { ...person, ...corrected } : person);
      const appropriateAdult = state.appropriateAdult && fix(state.appropriateAdult);
      const corrections = [...state.corrections, { of: subjectId, fields: correctedFields(corrected), reason, at: correctedAt }];
      return { ...state, offender: fix(state.offender), appropriateAdult, victims: state.victims.map(fix), corrections };
    }
    case 'OffenceCorrected': {
      const { corrected, reason, correctedAt } = event.data;
      return { ...state, ...corrected, corrections: [...state.corrections, { of: 'offence', fields: correctedFields(corrected), reason, at: correctedAt }] };
    }
    case 'SupervisorDecisionRecorded': {
      const { proceed, reason, supervisor, decidedAt } = event.data;
      return { ...state, supervisorDecision: { proceed, reason, supervisor, decidedAt, typedByOfficer: false } };
    }
    case 'RemedyAgreed': {
      const { resolutionId: _resolution, subjectId: _offender, remedyId, ...agreed } = event.data;
      const remedy: Remedy = { id: remedyId, ...agreed, status: 'open', settledAt: null, evidence: null, excessHoursReason: null, failureReason: null, hoursDone: null, amountPaid: null };
      return { ...state, remedies: [...state.remedies, remedy] };
    }
    case 'RemedyCompleted': {
      const { remedyId, completedAt, evidence, excessHoursReason, hoursDone, amountPaid } = event.data;
      return settle(state, remedyId, { status: 'completed', settledAt: completedAt, evidence, excessHoursReason, hoursDone, amountPaid });
    }
    case 'RemedyFailed': {
      const { remedyId, failedAt, reason, hoursDone, amountPaid } = event.data;
      return settle(state, remedyId, { status: 'failed', settledAt: failedAt, failureReason: reason, hoursDone, amountPaid });
    }
    case 'VictimInformed': {
      const { victimId, about, channel, at } = event.data;
      const informing: Informing = { about, channel, at, settledRemedies: settledCount(state.remedies) };
      const victims = state.victims.map((victim) => (victim.subjectId === victimId ? { ...victim, informed: [...victim.informed, informing] } : victim));
      return { ...state, victims };
    }
    case 'CommunityResolutionClosed':
      return { ...state, closure: { outcome: event.data.outcome, at: event.data.closedAt } };
    case 'OffenderDemographicsRecorded':
      return { ...state, demographics: demographicsOf(event.data) };
    case 'ResolutionNoteAdded':
      return state;
    default:
      return assertNever(event);
  }
}

function settle(state: ProposedResolution, remedyId: string, change: Partial<Remedy>): ProposedResolution {
  return { ...state, remedies: state.remedies.map((remedy) => (remedy.id === remedyId ? { ...remedy, ...change } : remedy)) };
}
