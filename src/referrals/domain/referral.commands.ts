import type { DeclaredDemographics } from '../../shared/domain/demographics.ts';
import type { RecordDemographics } from '../../shared/domain/demographics.events.ts';
import type { AddCaseNote } from '../../shared/domain/case-note.ts';
import type { StatusLinkCommand } from '../../shared/domain/status-link.ts';
import type { WorkingDayCalendar } from '../../calendar/working-days.ts';
import type { CrimeType } from '../../settings/domain/crime-types.ts';
import type { CommandMetadata } from '../../shared/domain/decider.ts';
import type { ContactChannel, ContactFrequency } from './contact-schedule.ts';
import type { PriorityGroup } from './priority-groups.ts';
import type { MessageChannel, MessageFailure, MessageKind } from './victim-messages.events.ts';
import type { CjEventKind, Consent, ConsentKind, ReferralSource, RestorativeJusticeStatus, RiskLevel, ServiceReferralOutcome, Victim, VictimDetails, VpsStatus } from './referral.events.ts';

/** What case managers ask of a victim's journey: imperatives, with the clock (and lists, calendar) they need. */
export interface ReceiveReferral {
  type: 'ReceiveReferral';
  referralId: string;
  source: ReferralSource;
  crimeReference: string | null;
  crimeType: CrimeType;
  offenceDate: string | null;
  crimeReportedOn: string | null;
  victim: Victim;
  consent: Consent;
  /** The victim's equality-monitoring answers, if given on intake. */
  demographics?: DeclaredDemographics | null;
  /** When it was received, if typed in later; now otherwise. */
  receivedAt?: string;
  metadata: CommandMetadata;
}

export interface AssignCaseManager {
  type: 'AssignCaseManager';
  caseManager: string;
  /** Who assigns: a supervisor assigns anyone, a case manager only takes an unassigned case for themselves. */
  assignedBy: { userId: string; supervisor: boolean };
  /** When it took effect, if given; now otherwise. */
  at?: string;
  metadata: CommandMetadata;
}

export interface AssessNeeds {
  type: 'AssessNeeds';
  needs: string[];
  riskLevel: RiskLevel;
  /** The groups the case manager confirms. */
  priorityGroups: PriorityGroup[];
  overrideReason: string | null;
  /** The crime types as configured now: the proposal reads the referral's from them. */
  crimeTypes: readonly CrimeType[];
  /** When the decision took effect, if given; now otherwise. */
  at?: string;
  metadata: CommandMetadata;
}

export interface AcceptSupport {
  type: 'AcceptSupport';
  /** When the decision took effect, if given; now otherwise. */
  at?: string;
  metadata: CommandMetadata;
}

export interface DeclineSupport {
  type: 'DeclineSupport';
  reason: string;
  /** When the decision took effect, if given; now otherwise. */
  at?: string;
  metadata: CommandMetadata;
}

export interface CloseCase {
  type: 'CloseCase';
  reason: string;
  /** The configured number of consecutive failed attempts after which a case may close as unable to contact. */
  failureThreshold: number;
  /** When the decision took effect, if given; now otherwise. */
  at?: string;
  metadata: CommandMetadata;
}

export interface ReopenCase {
  type: 'ReopenCase';
  reason: string;
  /** When the decision took effect, if given; now otherwise. */
  at?: string;
  metadata: CommandMetadata;
}

export interface AgreeContactContract {
  type: 'AgreeContactContract';
  frequency: ContactFrequency;
  channel: ContactChannel;
  safeTimes: string | null;
  /** When it took effect, if given; now otherwise. */
  at?: string;
  metadata: CommandMetadata;
}

export interface RecordContact {
  type: 'RecordContact';
  outcome: 'made' | 'failed';
  channel: ContactChannel;
  at: string;
  note: string | null;
  /** The configured number of consecutive failed attempts after which the case is flagged. */
  failureThreshold: number;
  metadata: CommandMetadata;
}

export interface MakeServiceReferral {
  type: 'MakeServiceReferral';
  serviceReferralId: string;
  service: string;
  /** When it took effect, if given; now otherwise. */
  at?: string;
  metadata: CommandMetadata;
}

export interface RecordServiceReferralOutcome {
  type: 'RecordServiceReferralOutcome';
  serviceReferralId: string;
  outcome: ServiceReferralOutcome;
  /** When it took effect, if given; now otherwise. */
  at?: string;
  metadata: CommandMetadata;
}

export interface RecordVpsStatus {
  type: 'RecordVpsStatus';
  status: VpsStatus;
  /** When it took effect, if given; now otherwise. */
  at?: string;
  metadata: CommandMetadata;
}

export interface RecordRestorativeJusticeStatus {
  type: 'RecordRestorativeJusticeStatus';
  status: RestorativeJusticeStatus;
  /** When it took effect, if given; now otherwise. */
  at?: string;
  metadata: CommandMetadata;
}

/** Sets a status back, or otherwise corrects it, with the reason: statuses never go back silently. */
export interface CorrectVpsStatus {
  type: 'CorrectVpsStatus';
  status: VpsStatus;
  reason: string;
  metadata: CommandMetadata;
}

export interface CorrectRestorativeJusticeStatus {
  type: 'CorrectRestorativeJusticeStatus';
  status: RestorativeJusticeStatus;
  reason: string;
  metadata: CommandMetadata;
}

export interface LearnCriminalJusticeEvent {
  type: 'LearnCriminalJusticeEvent';
  cjEventId: string;
  kind: CjEventKind;
  learnedAt: string;
  calendar: WorkingDayCalendar;
  /** As configured now: before the assessment, they tell whether the victim is entitled to the enhanced clock. */
  crimeTypes: readonly CrimeType[];
  metadata: CommandMetadata;
}

export interface RecordVictimUpdate {
  type: 'RecordVictimUpdate';
  cjEventId: string;
  at: string;
  channel: ContactChannel;
  calendar: WorkingDayCalendar;
  metadata: CommandMetadata;
}

/** Tells the victim through GOV.UK Notify: the message is queued on the case and the outbox sends it. */
export interface SendVictimMessage {
  type: 'SendVictimMessage';
  messageId: string;
  kind: MessageKind;
  /** The development a criminal-justice update passes on; null for a contact. */
  cjEventId: string | null;
  channel: MessageChannel;
  /** The Notify template configured for this kind and channel, if any. */
  templateId: string | null;
  personalisation: Record<string, string>;
  metadata: CommandMetadata;
}

/** Notify reported the message delivered: a criminal-justice update counts as passed on, a contact as made. */
export interface RecordMessageDelivered {
  type: 'RecordMessageDelivered';
  messageId: string;
  at: string;
  calendar: WorkingDayCalendar;
  metadata: CommandMetadata;
}

/** The message will not arrive: a failed contact attempt. */
export interface RecordMessageFailed {
  type: 'RecordMessageFailed';
  messageId: string;
  reason: MessageFailure;
  at: string;
  failureThreshold: number;
  metadata: CommandMetadata;
}

/** Puts recorded details right: a field left out stays as it is, null clears it. */
export interface CorrectVictimDetails {
  type: 'CorrectVictimDetails';
  corrected: Partial<VictimDetails>;
  reason: string;
  metadata: CommandMetadata;
}

export interface CorrectCrimeDetails {
  type: 'CorrectCrimeDetails';
  /** The configured crime type it should have, if that is what is wrong. */
  crimeType?: CrimeType;
  crimeReference?: string | null;
  reason: string;
  metadata: CommandMetadata;
}

export interface ChangeConsent {
  type: 'WithdrawConsent' | 'GiveConsent';
  consent: ConsentKind;
  reason: string;
  /** When the victim said so, if not now. */
  at?: string;
  metadata: CommandMetadata;
}

export type ReferralCommand =
  | ReceiveReferral
  | RecordDemographics
  | ChangeConsent
  | CorrectVictimDetails
  | CorrectCrimeDetails
  | AssignCaseManager
  | AssessNeeds
  | AcceptSupport
  | DeclineSupport
  | CloseCase
  | ReopenCase
  | AgreeContactContract
  | RecordContact
  | MakeServiceReferral
  | RecordServiceReferralOutcome
  | RecordVpsStatus
  | RecordRestorativeJusticeStatus
  | CorrectVpsStatus
  | CorrectRestorativeJusticeStatus
  | LearnCriminalJusticeEvent
  | RecordVictimUpdate
  | AddCaseNote
  | SendVictimMessage
  | RecordMessageDelivered
  | RecordMessageFailed
  | StatusLinkCommand;
