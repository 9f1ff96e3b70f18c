import type { Demographics } from '../../shared/domain/demographics.ts';
import { demographicsOf } from '../../shared/domain/demographics.events.ts';
import { correctedFields } from '../../shared/domain/corrections.ts';
import { assertNever } from '../../shared/domain/decider.ts';
import type { ContactChannel, ContactFrequency } from './contact-schedule.ts';
import type { PriorityGroup } from './priority-groups.ts';
import { statusLinkOf, type StatusLink } from '../../shared/domain/status-link.ts';
import type { MessageChannel, MessageKind } from './victim-messages.events.ts';
import type { CjEventKind, ConsentKind, ReferralEvent, ReferralReceived, RestorativeJusticeStatus, RiskLevel, ServiceReferralOutcome, VpsStatus } from './referral.events.ts';

/** What the referral said when it arrived stays part of the journey's state. */
type ReceivedDetails = Omit<ReferralReceived['data'], 'referralId'>;

export interface Assessment {
  needs: string[];
  riskLevel: RiskLevel;
  /** What the system proposed when the case manager assessed, beside what they confirmed. */
  proposedGroups: PriorityGroup[];
  priorityGroups: PriorityGroup[];
  enhanced: boolean;
  assessedAt: string;
}

export interface ReceivedReferral extends ReceivedDetails {
  status: 'received';
  id: string;
  caseManager: string | null;
  assessment: Assessment | null;
  support: { decision: 'accepted' | 'declined'; reason: string | null; at: string } | null;
  closure: { reason: string; at: string } | null;
  contract: { frequency: ContactFrequency; channel: ContactChannel; safeTimes: string | null; agreedAt: string } | null;
  contact: ContactRecord;
  serviceReferrals: ServiceReferral[];
  personalStatement: VpsStatus | null;
  /** When a statement was last recorded as made: a correction setting the status back keeps it. */
  personalStatementMadeAt: string | null;
  restorativeJustice: RestorativeJusticeStatus | null;
  /** Every status set back or otherwise corrected, with why. */
  statusCorrections: StatusCorrection[];
  /** Every correction of the victim's or the crime's details: which fields, why, when; the new values are the ones shown. */
  corrections: DetailsCorrection[];
  /** Each consent withdrawn or given after the referral, with why: `consent` above is where it stands. */
  consentChanges: ConsentChange[];
  /** Equality monitoring: never shown on the case, counted only in reports (absent from the list's rows, which keep them in columns). */
  demographics?: Demographics | null;
  cjEvents: CriminalJusticeUpdate[];
  /** Messages sent through Notify and what became of them. */
  messages: VictimMessage[];
  /** The link to the victim's own page, while one is given and not revoked (absent from rows folded before links existed). */
  statusLink?: StatusLink | null;
}

export interface VictimMessage {
  id: string;
  kind: MessageKind;
  cjEventId: string | null;
  channel: MessageChannel;
  outcome: 'pending' | 'delivered' | 'failed';
}

export interface StatusCorrection {
  of: 'personal-statement' | 'restorative-justice';
  from: string;
  to: string;
  reason: string;
  at: string;
}

export interface ConsentChange {
  consent: ConsentKind;
  given: boolean;
  reason: string;
  at: string;
}

export interface DetailsCorrection {
  of: 'victim' | 'crime';
  fields: string[];
  reason: string;
  at: string;
}

/** A criminal-justice development the victim must hear about, and whether they did in time. */
export interface CriminalJusticeUpdate {
  id: string;
  kind: CjEventKind;
  learnedAt: string;
  /** Entitled to the enhanced clock when learned (proposed or assessed); an assessment since decides instead. */
  enhancedWhenLearned: boolean;
  communicated: { at: string; channel: ContactChannel; onTime: boolean; workingDaysTaken: number } | null;
}

export interface ServiceReferral {
  id: string;
  service: string;
  madeAt: string;
  outcome: ServiceReferralOutcome | null;
  outcomeAt: string | null;
}

export interface ContactRecord {
  lastMadeAt: string | null;
  nextDue: string | null;
  consecutiveFailures: number;
  unableToContact: boolean;
}

export type Referral = { status: 'none' } | ReceivedReferral;

const NO_CONTACT_YET: ContactRecord = { lastMadeAt: null, nextDue: null, consecutiveFailures: 0, unableToContact: false };

export const initialReferral = (): Referral => ({ status: 'none' });

/** Where the journey stands, derived from the facts rather than stored beside them. */
export const JOURNEY_STATUSES = ['received', 'assessed', 'supported', 'declined', 'closed'] as const;
export type JourneyStatus = (typeof JOURNEY_STATUSES)[number];

export function journeyStatus(referral: ReceivedReferral): JourneyStatus {
  if (referral.closure) return 'closed';
  if (referral.support) return referral.support.decision === 'accepted' ? 'supported' : 'declined';
  return referral.assessment ? 'assessed' : 'received';
}

export function evolveReferral(state: Referral, event: ReferralEvent): Referral {
  if (event.type === 'ReferralReceived') {
    const { referralId, ...details } = event.data;
    return { status: 'received', id: referralId, ...details, caseManager: null, assessment: null, support: null, closure: null, contract: null, contact: NO_CONTACT_YET, serviceReferrals: [], personalStatement: null, personalStatementMadeAt: null, restorativeJustice: null, statusCorrections: [], corrections: [], consentChanges: [], demographics: null, cjEvents: [], messages: [] };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'CaseManagerAssigned':
      return { ...state, caseManager: event.data.caseManager };
    case 'NeedsAssessed': {
      const { needs, riskLevel, proposedGroups, priorityGroups, enhanced, assessedAt } = event.data;
      return { ...state, assessment: { needs, riskLevel, proposedGroups, priorityGroups, enhanced, assessedAt } };
    }
    case 'SupportAccepted':
      return { ...state, support: { decision: 'accepted', reason: null, at: event.data.acceptedAt } };
    case 'SupportDeclined':
      return { ...state, support: { decision: 'declined', reason: event.data.reason, at: event.data.declinedAt } };
    case 'CaseClosed':
      return { ...state, closure: { reason: event.data.reason, at: event.data.closedAt } };
    case 'CaseReopened':
      return { ...state, closure: null };
    case 'ContactContractAgreed': {
      const { frequency, channel, safeTimes, agreedAt, nextContactDue } = event.data;
      return { ...state, contract: { frequency, channel, safeTimes, agreedAt }, contact: { ...state.contact, nextDue: nextContactDue } };
    }
    case 'ContactMade':
      // Entered late and older than the last successful contact: a fact of the history, not the latest contact.
      if (state.contact.lastMadeAt && Date.parse(event.data.at) < Date.parse(state.contact.lastMadeAt)) return state;
      return { ...state, contact: { lastMadeAt: event.data.at, nextDue: event.data.nextContactDue, consecutiveFailures: 0, unableToContact: false } };
    case 'ContactAttemptFailed':
      return { ...state, contact: { ...state.contact, consecutiveFailures: event.data.consecutiveFailures, unableToContact: event.data.unableToContact } };
    case 'ServiceReferralMade': {
      const { serviceReferralId, service, madeAt } = event.data;
      return { ...state, serviceReferrals: [...state.serviceReferrals, { id: serviceReferralId, service, madeAt, outcome: null, outcomeAt: null }] };
    }
    case 'ServiceReferralOutcomeRecorded': {
      const { serviceReferralId, outcome, recordedAt } = event.data;
      const serviceReferrals = state.serviceReferrals.map((referral) => (referral.id === serviceReferralId ? { ...referral, outcome, outcomeAt: recordedAt } : referral));
      return { ...state, serviceReferrals };
    }
    case 'VpsStatusRecorded': {
      const { status, recordedAt } = event.data;
      return { ...state, personalStatement: status, personalStatementMadeAt: status === 'made' ? recordedAt : state.personalStatementMadeAt };
    }
    case 'RestorativeJusticeStatusRecorded':
      return { ...state, restorativeJustice: event.data.status };
    case 'VpsStatusCorrected': {
      const { from, status, reason, correctedAt } = event.data;
      return { ...state, personalStatement: status, statusCorrections: [...state.statusCorrections, { of: 'personal-statement', from, to: status, reason, at: correctedAt }] };
    }
    case 'RestorativeJusticeStatusCorrected': {
      const { from, status, reason, correctedAt } = event.data;
      return { ...state, restorativeJustice: status, statusCorrections: [...state.statusCorrections, { of: 'restorative-justice', from, to: status, reason, at: correctedAt }] };
    }
    case 'VictimDetailsCorrected': {
      const { corrected, reason, correctedAt } = event.data;
      return { ...state, victim: { ...state.victim, ...corrected }, corrections: [...state.corrections, { of: 'victim', fields: correctedFields(corrected), reason, at: correctedAt }] };
    }
    case 'CrimeDetailsCorrected': {
      const { corrected, reason, correctedAt } = event.data;
      return { ...state, ...corrected, corrections: [...state.corrections, { of: 'crime', fields: correctedFields(corrected), reason, at: correctedAt }] };
    }
    case 'ConsentWithdrawn': {
      const { consent, reason, withdrawnAt } = event.data;
      // Without consent to contact there is no contact to be due, nor overdue.
      const contact = consent === 'contact' ? { ...state.contact, nextDue: null } : state.contact;
      return { ...state, consent: { ...state.consent, [consent]: false }, contact, consentChanges: [...state.consentChanges, { consent, given: false, reason, at: withdrawnAt }] };
    }
    case 'ConsentGiven': {
      const { consent, reason, givenAt, nextContactDue } = event.data;
      const contact = consent === 'contact' ? { ...state.contact, nextDue: nextContactDue } : state.contact;
      return { ...state, consent: { ...state.consent, [consent]: true }, contact, consentChanges: [...state.consentChanges, { consent, given: true, reason, at: givenAt }] };
    }
    case 'ReferralDemographicsRecorded':
      return { ...state, demographics: demographicsOf(event.data) };
    case 'CriminalJusticeEventLearned': {
      const { cjEventId, kind, learnedAt, enhanced } = event.data;
      return { ...state, cjEvents: [...state.cjEvents, { id: cjEventId, kind, learnedAt, enhancedWhenLearned: enhanced, communicated: null }] };
    }
    case 'VictimUpdated': {
      const { cjEventId, at, channel, onTime, workingDaysTaken } = event.data;
      const cjEvents = state.cjEvents.map((update) => (update.id === cjEventId ? { ...update, communicated: { at, channel, onTime, workingDaysTaken } } : update));
      return { ...state, cjEvents };
    }
    case 'ReferralNoteAdded':
      return state;
    case 'VictimMessageQueued': {
      const { messageId, kind, cjEventId, channel } = event.data;
      return { ...state, messages: [...state.messages, { id: messageId, kind, cjEventId, channel, outcome: 'pending' }] };
    }
    case 'VictimMessageDelivered':
      return { ...state, messages: settled(state.messages, event.data.messageId, 'delivered') };
    case 'VictimMessageFailed':
      return { ...state, messages: settled(state.messages, event.data.messageId, 'failed') };
    case 'VictimStatusLinkGiven':
      return { ...state, statusLink: statusLinkOf(event.data) };
    case 'VictimStatusLinkRevoked':
      return { ...state, statusLink: null };
    case 'ReferralNoteFromVictimAdded':
      return state;
    default:
      return assertNever(event);
  }
}

function settled(messages: VictimMessage[], id: string, outcome: VictimMessage['outcome']): VictimMessage[] {
  return messages.map((message) => (message.id === id ? { ...message, outcome } : message));
}
