import { caseText, defineEvent, sameShape, type Upcaster } from '../../personal-data/event-definition.ts';
import type { DomainEvent } from '../../shared/domain/decider.ts';
import { caseNoteEvent, type CaseNote } from '../../shared/domain/case-note.ts';
import { demographicsEvent, type DemographicsRecordedData } from '../../shared/domain/demographics.events.ts';

/** A person in the resolution; `subjectId` owns the personal fields beside it and is erased with them. */
export interface Offender {
  subjectId: string;
  name: string;
  dateOfBirth: string;
}

export interface AppropriateAdult {
  subjectId: string;
  name: string;
  relationship: string | null;
}

export interface VictimViews {
  /** Also the victim's id within the resolution (e.g. when recording that they were informed). */
  subjectId: string;
  name: string;
  contact: string | null;
  /** Reasonable efforts reached the victim and their views were sought (ASBCPA 2014 s101). */
  consulted: boolean;
  views: string | null;
  consents: boolean;
}

/** Proposals stored before version 2 carried the supervisor's decision as the officer typed it: a name and a reason. */
export interface TypedSupervisorDecision {
  supervisor: string;
  reason: string;
}

export interface ResolutionFlags {
  domesticAbuse: boolean;
  intimatePartner: boolean;
  hateCrime: boolean;
}

export type CommunityResolutionProposed = DomainEvent<
  'CommunityResolutionProposed',
  {
    resolutionId: string;
    crimeReference: string;
    offenceTypeId: string;
    offenceDate: string;
    offender: Offender;
    /** Derived at the time from the date of birth, so it survives erasure of the date itself. */
    offenderUnder18AtOffence: boolean;
    appropriateAdult: AppropriateAdult | null;
    /** Each precondition as the officer recorded it; a proposal is only accepted when all hold. */
    evidenceSufficient: boolean;
    offenderAdmits: boolean;
    offenderAgrees: boolean;
    victims: VictimViews[];
    /** Only in proposals stored before version 2; since then a supervisor records the decision (SupervisorDecisionRecorded). */
    typedSupervisorDecision?: TypedSupervisorDecision;
    flags: ResolutionFlags;
    rationale: string;
    proposedAt: string;
  }
>;

/**
 * Where a victim was not consulted or does not consent, a supervisor decides whether the resolution goes ahead
 * (ASBCPA 2014 s101): who and when come from the supervisor's own token. The reason is about the offender's case.
 */
export type SupervisorDecisionRecorded = DomainEvent<
  'SupervisorDecisionRecorded',
  { resolutionId: string; subjectId: string; proceed: boolean; reason: string; supervisor: string; decidedAt: string }
>;

export type RemedyAgreed = DomainEvent<
  'RemedyAgreed',
  {
    resolutionId: string;
    remedyId: string;
    /** The offender; the free-text details and reasons are sealed under the case. */
    subjectId: string;
    /** An id from the configured Community Remedy menu. */
    remedyType: string;
    chosenByVictim: boolean;
    /** The menu item the victim chose, when they chose one; differs from remedyType only with an overrideReason. */
    victimChoice: string | null;
    overrideReason: string | null;
    details: string | null;
    dueDate: string;
    /** Financial compensation, in pence. */
    amount: number | null;
    /** Unpaid community work, in hours. */
    hours: number | null;
    agreedAt: string;
  }
>;

export type RemedyCompleted = DomainEvent<
  'RemedyCompleted',
  {
    resolutionId: string;
    remedyId: string;
    subjectId: string;
    completedAt: string;
    evidence: string;
    /** Version 2: why more community work was done than agreed (null when it was not). */
    excessHoursReason: string | null;
    hoursDone: number | null;
    amountPaid: number | null;
    recordedAt: string;
  }
>;

/** Agreements are voluntary and not enforceable: failure is recorded, not punished. */
export type RemedyFailed = DomainEvent<
  'RemedyFailed',
  {
    resolutionId: string;
    remedyId: string;
    subjectId: string;
    reason: string;
    /** What was done before it failed, if anything: it still counts in the figures. */
    hoursDone: number | null;
    amountPaid: number | null;
    failedAt: string;
  }
>;

export const INFORMED_ABOUT = ['agreement', 'completion', 'failure'] as const;
export type InformedAbout = (typeof INFORMED_ABOUT)[number];

export const INFORM_CHANNELS = ['phone', 'sms', 'email', 'letter', 'in-person'] as const;
export type InformChannel = (typeof INFORM_CHANNELS)[number];

export type VictimInformed = DomainEvent<
  'VictimInformed',
  { resolutionId: string; victimId: string; about: InformedAbout; channel: InformChannel; at: string; recordedAt: string }
>;

export const OUTCOMES = ['complied', 'not-complied'] as const;
export type ResolutionOutcome = (typeof OUTCOMES)[number];

export type CommunityResolutionClosed = DomainEvent<'CommunityResolutionClosed', { resolutionId: string; outcome: ResolutionOutcome; closedAt: string }>;

export type ResolutionNoteAdded = DomainEvent<'ResolutionNoteAdded', { resolutionId: string } & CaseNote>;

/** A wrong offence type put right; the reason is the offender's personal data. */
export type OffenceCorrected = DomainEvent<
  'OffenceCorrected',
  { resolutionId: string; subjectId: string; corrected: { offenceTypeId: string }; reason: string; correctedAt: string }
>;

/** A person's name, or a victim's contact, put right: only what changed; the reason is that person's personal data. */
export type ResolutionPersonCorrected = DomainEvent<
  'ResolutionPersonCorrected',
  { resolutionId: string; subjectId: string; corrected: { name?: string; contact?: string | null }; reason: string; correctedAt: string }
>;

/** The offender's equality-monitoring answers, with the proposal or later; each record replaces the last. */
export type OffenderDemographicsRecorded = DomainEvent<'OffenderDemographicsRecorded', DemographicsRecordedData<'resolutionId'>>;

export type ResolutionEvent =
  | CommunityResolutionProposed
  | ResolutionPersonCorrected
  | OffenceCorrected
  | SupervisorDecisionRecorded
  | RemedyAgreed
  | RemedyCompleted
  | RemedyFailed
  | VictimInformed
  | CommunityResolutionClosed
  | ResolutionNoteAdded
  | OffenderDemographicsRecorded;

/** Version 1 named its typed decision `supervisorDecision` (null when there was none). */
const typedDecisionRenamed: Upcaster = ({ supervisorDecision, ...proposal }) => (supervisorDecision ? { ...proposal, typedSupervisorDecision: supervisorDecision } : proposal);

/** Version 1 had no reason for hours beyond those agreed: none was asked for. */
export const noExcessHours: Upcaster = (data) => ({ ...data, excessHoursReason: null });

const appropriateAdultFields = { subjectIdPath: 'appropriateAdult.subjectId', fields: ['appropriateAdult.name', 'appropriateAdult.relationship'] };
const offenderFields = { subjectIdPath: 'offender.subjectId', fields: ['offender.name', 'offender.dateOfBirth'] };
/** Before version 3 the rationale, the typed decision's reason and the victims' views were sealed under the offender or the victim alone. */
const proposalBefore3 = (typedDecision: string) => [
  { ...offenderFields, fields: [...offenderFields.fields, 'rationale', `${typedDecision}.reason`] },
  appropriateAdultFields,
  { subjectIdPath: 'victims[].subjectId', fields: ['victims[].name', 'victims[].contact', 'victims[].views'] },
];
/** Versions 1 (and 2 of a completion) sealed the offender's remedy texts under the offender alone; since then under the case. */
const offendersOwn = (...fields: string[]) => [{ subjectIdPath: 'subjectId', fields }];
const remedyPlain = ['resolutionId', 'remedyId', 'subjectId'];

export const resolutionEventDefinitions = [
  defineEvent({
    type: 'CommunityResolutionProposed',
    schemaVersion: 3,
    upcasters: { 1: typedDecisionRenamed, 2: sameShape },
    earlierPersonalData: { 1: proposalBefore3('supervisorDecision'), 2: proposalBefore3('typedSupervisorDecision') },
    personalData: [
      offenderFields,
      appropriateAdultFields,
      { subjectIdPath: 'victims[].subjectId', fields: ['victims[].name', 'victims[].contact'] },
      // No proposal since version 2 carries a typed decision: those stored before keep its reason as sealed then, its name in clear.
      caseText('resolutionId', ['crimeReference', 'rationale', 'victims[].views']),
    ],
    plain: ['resolutionId', 'offenceTypeId', 'offenceDate', 'offender.subjectId', 'appropriateAdult.subjectId', 'victims[].subjectId', 'proposedAt'],
  }),
  defineEvent({
    type: 'ResolutionPersonCorrected',
    schemaVersion: 1,
    personalData: [{ subjectIdPath: 'subjectId', fields: ['corrected.name', 'corrected.contact'] }, caseText('resolutionId', ['reason'])],
    plain: ['resolutionId', 'subjectId', 'correctedAt'],
  }),
  defineEvent({ type: 'OffenceCorrected', schemaVersion: 1, personalData: [caseText('resolutionId', ['reason'])], plain: ['resolutionId', 'subjectId', 'corrected.offenceTypeId', 'correctedAt'] }),
  // The supervisor is the user id from the supervisor's own token, as the actor of every event is: not typed.
  defineEvent({
    type: 'SupervisorDecisionRecorded',
    schemaVersion: 2,
    upcasters: { 1: sameShape },
    earlierPersonalData: { 1: offendersOwn('reason') },
    personalData: [caseText('resolutionId', ['reason'])],
    plain: ['resolutionId', 'subjectId', 'supervisor', 'decidedAt'],
  }),
  defineEvent({
    type: 'RemedyAgreed',
    schemaVersion: 2,
    upcasters: { 1: sameShape },
    earlierPersonalData: { 1: offendersOwn('details', 'overrideReason') },
    personalData: [caseText('resolutionId', ['details', 'overrideReason'])],
    plain: [...remedyPlain, 'remedyType', 'victimChoice', 'dueDate', 'agreedAt'],
  }),
  defineEvent({
    type: 'RemedyCompleted',
    schemaVersion: 3,
    upcasters: { 1: noExcessHours, 2: sameShape },
    earlierPersonalData: { 1: offendersOwn('evidence'), 2: offendersOwn('evidence', 'excessHoursReason') },
    personalData: [caseText('resolutionId', ['evidence', 'excessHoursReason'])],
    plain: [...remedyPlain, 'completedAt', 'recordedAt'],
  }),
  defineEvent({
    type: 'RemedyFailed',
    schemaVersion: 2,
    upcasters: { 1: sameShape },
    earlierPersonalData: { 1: offendersOwn('reason') },
    personalData: [caseText('resolutionId', ['reason'])],
    plain: [...remedyPlain, 'failedAt'],
  }),
  defineEvent({ type: 'VictimInformed', schemaVersion: 1, personalData: [], plain: ['resolutionId', 'victimId', 'about', 'channel', 'at', 'recordedAt'] }),
  defineEvent({ type: 'CommunityResolutionClosed', schemaVersion: 1, personalData: [], plain: ['resolutionId', 'outcome', 'closedAt'] }),
  caseNoteEvent('ResolutionNoteAdded', 'resolutionId'),
  demographicsEvent('OffenderDemographicsRecorded', 'resolutionId'),
];
