import type { TimelineEntry } from '../../../../projections/timeline/case-timeline.projection.ts';
import { londonDate } from '../../../calendar/working-days.ts';
import type { Settings } from '../../../settings/settings.ts';
import type { InformedAbout, InformChannel, ResolutionFlags, ResolutionOutcome } from '../../domain/resolution.events.ts';
import { resolutionStatus, toldOutcome, type ProposedResolution, type Remedy, type RemedyStatus, type ResolutionStatus, type SupervisorDecision } from '../../domain/resolution.state.ts';

interface Labelled {
  id: string;
  label: string;
}

export interface RemedyView {
  id: string;
  type: Labelled;
  chosenByVictim: boolean;
  victimChoice: Labelled | null;
  overrideReason: string | null;
  details: string | null;
  dueDate: string;
  /** Still open after its due date (in England). */
  overdue: boolean;
  amount: number | null;
  hours: number | null;
  agreedAt: string;
  status: RemedyStatus;
  completedAt: string | null;
  evidence: string | null;
  /** Why more community work hours were done than agreed. */
  excessHoursReason: string | null;
  failedAt: string | null;
  failureReason: string | null;
  hoursDone: number | null;
  amountPaid: number | null;
}

export interface VictimView {
  /** Names the victim in `POST …/victim-informed`. */
  id: string;
  name: string;
  contact: string | null;
  consulted: boolean;
  views: string | null;
  consents: boolean;
  informed: { about: InformedAbout; channel: InformChannel; at: string }[];
  /** Told the final outcome after the last remedy was settled: closing needs this for every victim. */
  informedOfOutcome: boolean;
}

/** A Community Resolution as an officer or supervisor sees it. */
export interface ResolutionView {
  id: string;
  revision: number;
  status: ResolutionStatus;
  outcome: ResolutionOutcome | null;
  closedAt: string | null;
  crimeReference: string;
  offenceType: Labelled;
  /** Corrections of the offence (`of: 'offence'`) or of a person's details (`of` their subject id), with why; the values shown are the corrected ones. */
  corrections: ProposedResolution['corrections'];
  offenceDate: string;
  /** subjectId names the offender as a data subject (for erasure), without being personal itself. */
  offender: { subjectId: string; name: string; dateOfBirth: string; under18AtOffence: boolean };
  appropriateAdult: { name: string; relationship: string | null } | null;
  preconditions: { evidenceSufficient: boolean; offenderAdmits: boolean; offenderAgrees: boolean };
  victims: VictimView[];
  /** Needed where a victim was not consulted or does not consent; until a supervisor records it the status is awaiting-supervisor-decision. */
  supervisorDecision: SupervisorDecision | null;
  flags: ResolutionFlags;
  rationale: string;
  proposedAt: string;
  remedies: RemedyView[];
  overdueRemedies: number;
  /** Every event of the resolution: what happened, when, and who recorded it. */
  timeline: TimelineEntry[];
}

export function toResolutionView(resolution: ProposedResolution, revision: number, timeline: TimelineEntry[], settings: Settings, now: Date): ResolutionView {
  const today = londonDate(now);
  const remedies = resolution.remedies.map((remedy) => toRemedyView(remedy, settings, today));
  return {
    id: resolution.id,
    revision,
    status: resolutionStatus(resolution),
    outcome: resolution.closure?.outcome ?? null,
    closedAt: resolution.closure?.at ?? null,
    crimeReference: resolution.crimeReference,
    offenceType: { id: resolution.offenceTypeId, label: settings.labelOf('resolutionOffenceTypes', resolution.offenceTypeId) },
    corrections: resolution.corrections,
    offenceDate: resolution.offenceDate,
    offender: { ...resolution.offender, under18AtOffence: resolution.offenderUnder18AtOffence },
    appropriateAdult: resolution.appropriateAdult && { name: resolution.appropriateAdult.name, relationship: resolution.appropriateAdult.relationship },
    preconditions: { evidenceSufficient: resolution.evidenceSufficient, offenderAdmits: resolution.offenderAdmits, offenderAgrees: resolution.offenderAgrees },
    victims: resolution.victims.map(({ subjectId, informed, ...victim }) => ({
      id: subjectId,
      ...victim,
      informed: informed.map(({ about, channel, at }) => ({ about, channel, at })),
      informedOfOutcome: toldOutcome({ subjectId, informed, ...victim }, resolution.remedies),
    })),
    supervisorDecision: resolution.supervisorDecision,
    flags: resolution.flags,
    rationale: resolution.rationale,
    proposedAt: resolution.proposedAt,
    remedies,
    overdueRemedies: remedies.filter((remedy) => remedy.overdue).length,
    timeline,
  };
}

function toRemedyView(remedy: Remedy, settings: Settings, today: string): RemedyView {
  const label = (id: string) => ({ id, label: settings.labelOf('communityRemedies', id) });
  return {
    id: remedy.id,
    type: label(remedy.remedyType),
    chosenByVictim: remedy.chosenByVictim,
    victimChoice: remedy.victimChoice === null ? null : label(remedy.victimChoice),
    overrideReason: remedy.overrideReason,
    details: remedy.details,
    dueDate: remedy.dueDate,
    overdue: remedy.status === 'open' && remedy.dueDate < today,
    amount: remedy.amount,
    hours: remedy.hours,
    agreedAt: remedy.agreedAt,
    status: remedy.status,
    completedAt: remedy.status === 'completed' ? remedy.settledAt : null,
    evidence: remedy.evidence,
    excessHoursReason: remedy.excessHoursReason,
    failedAt: remedy.status === 'failed' ? remedy.settledAt : null,
    failureReason: remedy.failureReason,
    hoursDone: remedy.hoursDone,
    amountPaid: remedy.amountPaid,
  };
}
