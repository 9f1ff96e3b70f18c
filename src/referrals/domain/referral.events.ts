import { caseText, defineEvent, sameShape } from '../../personal-data/event-definition.ts';
import type { DomainEvent } from '../../shared/domain/decider.ts';
import { caseNoteEvent, type CaseNote } from '../../shared/domain/case-note.ts';
import { demographicsEvent, type DemographicsRecordedData } from '../../shared/domain/demographics.events.ts';
import type { ContactChannel, ContactFrequency } from './contact-schedule.ts';
import type { PriorityGroup } from './priority-groups.ts';
import { victimMessageEventDefinitions, type VictimMessageEvent } from './victim-messages.events.ts';
import { victimStatusLinkEventDefinitions, type VictimStatusLinkEvent } from './status-link.events.ts';

export const REFERRAL_SOURCES = ['police', 'self', 'partner'] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

export const CONSENT_BASES = ['explicit', 'implied'] as const;
export type ConsentBasis = (typeof CONSENT_BASES)[number];

export interface Victim {
  /** The data subject: every personal field below belongs to this id and is erased with it. */
  subjectId: string;
  name: string;
  dateOfBirth: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
}

export interface Consent {
  contact: boolean;
  dataSharing: boolean;
  basis: ConsentBasis;
}

export type ReferralReceived = DomainEvent<
  'ReferralReceived',
  {
    referralId: string;
    source: ReferralSource;
    crimeReference: string | null;
    crimeTypeId: string;
    offenceDate: string | null;
    crimeReportedOn: string | null;
    victim: Victim;
    consent: Consent;
    receivedAt: string;
  }
>;

export type CaseManagerAssigned = DomainEvent<'CaseManagerAssigned', { referralId: string; caseManager: string; assignedAt: string }>;

export const RISK_LEVELS = ['standard', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export type NeedsAssessed = DomainEvent<
  'NeedsAssessed',
  {
    referralId: string;
    needs: string[];
    riskLevel: RiskLevel;
    /** What the system proposed from crime type and age at the offence... */
    proposedGroups: PriorityGroup[];
    /** ...and what the case manager confirmed; a difference carries the reason. */
    priorityGroups: PriorityGroup[];
    overrideReason: string | null;
    enhanced: boolean;
    assessedAt: string;
  }
>;

export type SupportAccepted = DomainEvent<'SupportAccepted', { referralId: string; acceptedAt: string }>;
export type SupportDeclined = DomainEvent<'SupportDeclined', { referralId: string; reason: string; declinedAt: string }>;
export type CaseClosed = DomainEvent<'CaseClosed', { referralId: string; reason: string; closedAt: string }>;
export type CaseReopened = DomainEvent<'CaseReopened', { referralId: string; reason: string; reopenedAt: string }>;

export type ContactContractAgreed = DomainEvent<
  'ContactContractAgreed',
  {
    referralId: string;
    /** The victim; the safe times are free text sealed under the case, erased with any of its people. */
    subjectId: string;
    frequency: ContactFrequency;
    channel: ContactChannel;
    safeTimes: string | null;
    agreedAt: string;
    nextContactDue: string;
  }
>;

export type ContactMade = DomainEvent<
  'ContactMade',
  { referralId: string; subjectId: string; channel: ContactChannel; at: string; note: string | null; nextContactDue: string | null }
>;

export type ContactAttemptFailed = DomainEvent<
  'ContactAttemptFailed',
  {
    referralId: string;
    subjectId: string;
    channel: ContactChannel;
    at: string;
    note: string | null;
    consecutiveFailures: number;
    /** Reached the configured number of consecutive failures: the case may close as "unable to contact". */
    unableToContact: boolean;
  }
>;

export const SERVICE_REFERRAL_OUTCOMES = ['accepted', 'declined', 'completed'] as const;
export type ServiceReferralOutcome = (typeof SERVICE_REFERRAL_OUTCOMES)[number];

export type ServiceReferralMade = DomainEvent<'ServiceReferralMade', { referralId: string; serviceReferralId: string; service: string; madeAt: string }>;
export type ServiceReferralOutcomeRecorded = DomainEvent<
  'ServiceReferralOutcomeRecorded',
  { referralId: string; serviceReferralId: string; outcome: ServiceReferralOutcome; recordedAt: string }
>;

export const VPS_STATUSES = ['offered', 'made', 'declined'] as const;
export type VpsStatus = (typeof VPS_STATUSES)[number];
export const RESTORATIVE_JUSTICE_STATUSES = ['information-given', 'interested'] as const;
export type RestorativeJusticeStatus = (typeof RESTORATIVE_JUSTICE_STATUSES)[number];

export type VpsStatusRecorded = DomainEvent<'VpsStatusRecorded', { referralId: string; status: VpsStatus; recordedAt: string }>;
export type RestorativeJusticeStatusRecorded = DomainEvent<
  'RestorativeJusticeStatusRecorded',
  { referralId: string; status: RestorativeJusticeStatus; recordedAt: string }
>;

/** A status set back (or otherwise corrected) on purpose: the reason is free text about the case. */
interface StatusCorrection<Status> {
  referralId: string;
  subjectId: string;
  from: Status;
  status: Status;
  reason: string;
  correctedAt: string;
}

export type VpsStatusCorrected = DomainEvent<'VpsStatusCorrected', StatusCorrection<VpsStatus>>;
export type RestorativeJusticeStatusCorrected = DomainEvent<'RestorativeJusticeStatusCorrected', StatusCorrection<RestorativeJusticeStatus>>;

/** What the Victims' Code entitles a victim to hear about (right 6), as the police pass it on. */
export const CJ_EVENT_KINDS = ['arrest', 'interview', 'charge', 'no-further-action', 'bail', 'remand', 'court-date', 'outcome', 'sentence', 'appeal', 'other'] as const;
export type CjEventKind = (typeof CJ_EVENT_KINDS)[number];

export type CriminalJusticeEventLearned = DomainEvent<
  'CriminalJusticeEventLearned',
  {
    referralId: string;
    cjEventId: string;
    kind: CjEventKind;
    learnedAt: string;
    /** The last day (in England) to tell the victim as it stood when learned; the clock follows the calendar and entitlement as they stand. */
    dueBy: string;
    /** Entitled to the enhanced clock when learned: assessed so, or (since issue 16) proposed for a priority group before the assessment. */
    enhanced: boolean;
  }
>;

export type VictimUpdated = DomainEvent<
  'VictimUpdated',
  { referralId: string; cjEventId: string; at: string; channel: ContactChannel; onTime: boolean; workingDaysTaken: number }
>;

export type ReferralNoteAdded = DomainEvent<'ReferralNoteAdded', { referralId: string } & CaseNote>;

/** A victim's details as recorded: what a correction may change. */
export type VictimDetails = Omit<Victim, 'subjectId'>;

/** Only the details that changed, each to its new value (null clears it); earlier values stay in the history, sealed. */
export type VictimDetailsCorrected = DomainEvent<
  'VictimDetailsCorrected',
  { referralId: string; subjectId: string; corrected: Partial<VictimDetails>; reason: string; correctedAt: string }
>;

/** A wrong crime type or crime reference put right; the reason is the victim's personal data. */
export type CrimeDetailsCorrected = DomainEvent<
  'CrimeDetailsCorrected',
  { referralId: string; subjectId: string; corrected: { crimeTypeId?: string; crimeReference?: string | null }; reason: string; correctedAt: string }
>;

export const CONSENTS = ['contact', 'dataSharing'] as const;
export type ConsentKind = (typeof CONSENTS)[number];

/** The victim withdraws a consent, or gives it (again): the reason is theirs. Contact's clock stops and restarts with it. */
export type ConsentWithdrawn = DomainEvent<'ConsentWithdrawn', { referralId: string; subjectId: string; consent: ConsentKind; reason: string; withdrawnAt: string }>;
/** The victim's equality-monitoring answers, on intake or later; each record replaces the last. */
export type ReferralDemographicsRecorded = DomainEvent<'ReferralDemographicsRecorded', DemographicsRecordedData<'referralId'>>;

export type ConsentGiven = DomainEvent<
  'ConsentGiven',
  { referralId: string; subjectId: string; consent: ConsentKind; reason: string; givenAt: string; /** Contact's clock restarted from then, under the contract. */ nextContactDue: string | null }
>;

export type ReferralEvent =
  | ReferralReceived
  | ConsentWithdrawn
  | ConsentGiven
  | ReferralDemographicsRecorded
  | VictimDetailsCorrected
  | CrimeDetailsCorrected
  | CaseManagerAssigned
  | NeedsAssessed
  | SupportAccepted
  | SupportDeclined
  | CaseClosed
  | CaseReopened
  | ContactContractAgreed
  | ContactMade
  | ContactAttemptFailed
  | ServiceReferralMade
  | ServiceReferralOutcomeRecorded
  | VpsStatusRecorded
  | RestorativeJusticeStatusRecorded
  | VpsStatusCorrected
  | RestorativeJusticeStatusCorrected
  | CriminalJusticeEventLearned
  | VictimUpdated
  | ReferralNoteAdded
  | VictimMessageEvent
  | VictimStatusLinkEvent;

const victimFields = {
  subjectIdPath: 'victim.subjectId',
  fields: ['victim.name', 'victim.dateOfBirth', 'victim.phone', 'victim.email', 'victim.address'],
};
/** Version 1 sealed the victim's notes and reasons under the victim alone; version 2 under the case (`caseText`). */
const victimsOwn = (...fields: string[]) => ({ 1: [{ subjectIdPath: 'subjectId', fields }] });

export const referralEventDefinitions = [
  defineEvent({
    type: 'ReferralReceived',
    schemaVersion: 2,
    upcasters: { 1: sameShape },
    earlierPersonalData: { 1: [victimFields] },
    personalData: [victimFields, caseText('referralId', ['crimeReference'])],
    plain: ['referralId', 'source', 'crimeTypeId', 'offenceDate', 'crimeReportedOn', 'victim.subjectId', 'consent.basis', 'receivedAt'],
  }),
  // The case manager is a member of staff named by their user id, as the actor of every event is: not the victim's data.
  defineEvent({ type: 'CaseManagerAssigned', schemaVersion: 1, personalData: [], plain: ['referralId', 'caseManager', 'assignedAt'] }),
  defineEvent({
    type: 'NeedsAssessed',
    schemaVersion: 2,
    upcasters: { 1: sameShape },
    earlierPersonalData: { 1: [] },
    personalData: [caseText('referralId', ['overrideReason'])],
    plain: ['referralId', 'needs[]', 'riskLevel', 'proposedGroups[]', 'priorityGroups[]', 'assessedAt'],
  }),
  defineEvent({ type: 'SupportAccepted', schemaVersion: 1, personalData: [], plain: ['referralId', 'acceptedAt'] }),
  // Both reasons are ids from the configured lists.
  defineEvent({ type: 'SupportDeclined', schemaVersion: 1, personalData: [], plain: ['referralId', 'reason', 'declinedAt'] }),
  defineEvent({ type: 'CaseClosed', schemaVersion: 1, personalData: [], plain: ['referralId', 'reason', 'closedAt'] }),
  defineEvent({
    type: 'CaseReopened',
    schemaVersion: 2,
    upcasters: { 1: sameShape },
    earlierPersonalData: { 1: [] },
    personalData: [caseText('referralId', ['reason'])],
    plain: ['referralId', 'reopenedAt'],
  }),
  defineEvent({
    type: 'ContactContractAgreed',
    schemaVersion: 2,
    upcasters: { 1: sameShape },
    earlierPersonalData: victimsOwn('safeTimes'),
    personalData: [caseText('referralId', ['safeTimes'])],
    plain: ['referralId', 'subjectId', 'frequency', 'channel', 'agreedAt', 'nextContactDue'],
  }),
  defineEvent({
    type: 'ContactMade',
    schemaVersion: 2,
    upcasters: { 1: sameShape },
    earlierPersonalData: victimsOwn('note'),
    personalData: [caseText('referralId', ['note'])],
    plain: ['referralId', 'subjectId', 'channel', 'at', 'nextContactDue'],
  }),
  defineEvent({
    type: 'ContactAttemptFailed',
    schemaVersion: 2,
    upcasters: { 1: sameShape },
    earlierPersonalData: victimsOwn('note'),
    personalData: [caseText('referralId', ['note'])],
    plain: ['referralId', 'subjectId', 'channel', 'at'],
  }),
  defineEvent({ type: 'ServiceReferralMade', schemaVersion: 1, personalData: [], plain: ['referralId', 'serviceReferralId', 'service', 'madeAt'] }),
  defineEvent({ type: 'ServiceReferralOutcomeRecorded', schemaVersion: 1, personalData: [], plain: ['referralId', 'serviceReferralId', 'outcome', 'recordedAt'] }),
  defineEvent({ type: 'VpsStatusRecorded', schemaVersion: 1, personalData: [], plain: ['referralId', 'status', 'recordedAt'] }),
  defineEvent({ type: 'RestorativeJusticeStatusRecorded', schemaVersion: 1, personalData: [], plain: ['referralId', 'status', 'recordedAt'] }),
  ...(['VpsStatusCorrected', 'RestorativeJusticeStatusCorrected'] as const).map((type) =>
    defineEvent({
      type,
      schemaVersion: 2,
      upcasters: { 1: sameShape },
      earlierPersonalData: victimsOwn('reason'),
      personalData: [caseText('referralId', ['reason'])],
      plain: ['referralId', 'subjectId', 'from', 'status', 'correctedAt'],
    }),
  ),
  defineEvent({ type: 'CriminalJusticeEventLearned', schemaVersion: 1, personalData: [], plain: ['referralId', 'cjEventId', 'kind', 'learnedAt', 'dueBy'] }),
  defineEvent({ type: 'VictimUpdated', schemaVersion: 1, personalData: [], plain: ['referralId', 'cjEventId', 'at', 'channel'] }),
  caseNoteEvent('ReferralNoteAdded', 'referralId'),
  ...victimMessageEventDefinitions,
  ...victimStatusLinkEventDefinitions,
  defineEvent({
    type: 'VictimDetailsCorrected',
    schemaVersion: 1,
    personalData: [
      { subjectIdPath: 'subjectId', fields: ['corrected.name', 'corrected.dateOfBirth', 'corrected.phone', 'corrected.email', 'corrected.address'] },
      caseText('referralId', ['reason']),
    ],
    plain: ['referralId', 'subjectId', 'correctedAt'],
  }),
  defineEvent({ type: 'ConsentWithdrawn', schemaVersion: 1, personalData: [caseText('referralId', ['reason'])], plain: ['referralId', 'subjectId', 'consent', 'withdrawnAt'] }),
  demographicsEvent('ReferralDemographicsRecorded', 'referralId'),
  defineEvent({ type: 'ConsentGiven', schemaVersion: 1, personalData: [caseText('referralId', ['reason'])], plain: ['referralId', 'subjectId', 'consent', 'givenAt', 'nextContactDue'] }),
  // A crime reference is sealed under the case like the one received (a police record names people).
  defineEvent({
    type: 'CrimeDetailsCorrected',
    schemaVersion: 1,
    personalData: [caseText('referralId', ['reason', 'corrected.crimeReference'])],
    plain: ['referralId', 'subjectId', 'corrected.crimeTypeId', 'correctedAt'],
  }),
];
