import { londonDate, type WorkingDayCalendar } from '../../calendar/working-days.ts';
import type { CrimeType } from '../../settings/domain/crime-types.ts';
import { assertNever, type CommandMetadata } from '../../shared/domain/decider.ts';
import { DomainRuleViolation, UnknownCasePart } from '../../shared/domain/errors.ts';
import { nextContactDue, type ContactChannel, type ContactFrequency } from './contact-schedule.ts';
import { proposePriorityGroups, type PriorityGroup } from './priority-groups.ts';
import type { CjEventKind, Consent, ReferralEvent, ReferralSource, RestorativeJusticeStatus, RiskLevel, ServiceReferralOutcome, Victim, VpsStatus } from './referral.events.ts';
import { evolveReferral, initialReferral, type ReceivedReferral, type Referral } from './referral.state.ts';

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
  metadata: CommandMetadata;
}

export interface AssignCaseManager {
  type: 'AssignCaseManager';
  caseManager: string;
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
  metadata: CommandMetadata;
}

export interface AcceptSupport {
  type: 'AcceptSupport';
  metadata: CommandMetadata;
}

export interface DeclineSupport {
  type: 'DeclineSupport';
  reason: string;
  metadata: CommandMetadata;
}

export interface CloseCase {
  type: 'CloseCase';
  reason: string;
  metadata: CommandMetadata;
}

export interface ReopenCase {
  type: 'ReopenCase';
  reason: string;
  metadata: CommandMetadata;
}

export interface AgreeContactContract {
  type: 'AgreeContactContract';
  frequency: ContactFrequency;
  channel: ContactChannel;
  safeTimes: string | null;
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
  metadata: CommandMetadata;
}

export interface RecordServiceReferralOutcome {
  type: 'RecordServiceReferralOutcome';
  serviceReferralId: string;
  outcome: ServiceReferralOutcome;
  metadata: CommandMetadata;
}

export interface RecordVpsStatus {
  type: 'RecordVpsStatus';
  status: VpsStatus;
  metadata: CommandMetadata;
}

export interface RecordRestorativeJusticeStatus {
  type: 'RecordRestorativeJusticeStatus';
  status: RestorativeJusticeStatus;
  metadata: CommandMetadata;
}

export interface LearnCriminalJusticeEvent {
  type: 'LearnCriminalJusticeEvent';
  cjEventId: string;
  kind: CjEventKind;
  learnedAt: string;
  calendar: WorkingDayCalendar;
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

export type ReferralCommand =
  | ReceiveReferral
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
  | LearnCriminalJusticeEvent
  | RecordVictimUpdate;

export function decideReferral(command: ReferralCommand, state: Referral): ReferralEvent[] {
  switch (command.type) {
    case 'ReceiveReferral':
      return receive(command, state);
    case 'AssignCaseManager':
      return assign(command, openCase(state));
    case 'AssessNeeds':
      return assess(command, openCase(state));
    case 'AcceptSupport':
      return acceptSupport(command, openCase(state));
    case 'DeclineSupport':
      return declineSupport(command, openCase(state));
    case 'CloseCase':
      return close(command, openCase(state));
    case 'ReopenCase':
      return reopen(command, existing(state));
    case 'AgreeContactContract':
      return agreeContract(command, openCase(state));
    case 'RecordContact':
      return recordContact(command, openCase(state));
    case 'MakeServiceReferral':
      return makeServiceReferral(command, openCase(state));
    case 'RecordServiceReferralOutcome':
      return recordServiceOutcome(command, openCase(state));
    case 'RecordVpsStatus':
      return [{ type: 'VpsStatusRecorded', data: { referralId: openCase(state).id, status: command.status, recordedAt: command.metadata.now.toISOString() } }];
    case 'RecordRestorativeJusticeStatus':
      return [{ type: 'RestorativeJusticeStatusRecorded', data: { referralId: openCase(state).id, status: command.status, recordedAt: command.metadata.now.toISOString() } }];
    case 'LearnCriminalJusticeEvent':
      return learnCriminalJusticeEvent(command, openCase(state));
    case 'RecordVictimUpdate':
      return recordVictimUpdate(command, openCase(state));
    default:
      return assertNever(command);
  }
}

function receive(command: ReceiveReferral, state: Referral): ReferralEvent[] {
  if (state.status !== 'none') {
    throw new DomainRuleViolation('referral-already-received', 'This referral has already been received');
  }
  checkDates(command);
  const explicit = command.consent.basis === 'explicit' && command.consent.contact;
  if (command.source === 'police' && command.crimeType.explicitConsentRequired && !explicit) {
    throw new DomainRuleViolation(
      'explicit-consent-required',
      `Police may refer victims of ${command.crimeType.label.toLowerCase()} only with their explicit consent to contact`,
    );
  }
  return [
    {
      type: 'ReferralReceived',
      data: {
        referralId: command.referralId,
        source: command.source,
        crimeReference: command.crimeReference,
        crimeTypeId: command.crimeType.id,
        offenceDate: command.offenceDate,
        crimeReportedOn: command.crimeReportedOn,
        victim: command.victim,
        consent: command.consent,
        receivedAt: command.metadata.now.toISOString(),
      },
    },
  ];
}

/** Dates a referral cannot carry: in the future, a crime reported before it happened, a victim born after it. */
function checkDates({ offenceDate, crimeReportedOn, victim, metadata }: ReceiveReferral): void {
  const today = londonDate(metadata.now);
  if (offenceDate && offenceDate > today) throw new DomainRuleViolation('offence-date-in-future', 'The offence date cannot be in the future');
  if (crimeReportedOn && crimeReportedOn > today) throw new DomainRuleViolation('crime-reported-in-future', 'The date the crime was reported cannot be in the future');
  if (offenceDate && crimeReportedOn && crimeReportedOn < offenceDate) {
    throw new DomainRuleViolation('crime-reported-before-offence', 'The crime cannot have been reported before the offence date');
  }
  if (victim.dateOfBirth && victim.dateOfBirth > (offenceDate ?? today)) {
    throw new DomainRuleViolation('born-after-offence', "The victim's date of birth cannot be after the offence date (or today)");
  }
}

function existing(state: Referral): ReceivedReferral {
  if (state.status === 'none') throw new DomainRuleViolation('referral-not-received', 'There is no referral with this id');
  return state;
}

function openCase(state: Referral): ReceivedReferral {
  const referral = existing(state);
  if (referral.closure) throw new DomainRuleViolation('case-closed', 'The case is closed: a supervisor must reopen it first');
  return referral;
}

function assign(command: AssignCaseManager, state: ReceivedReferral): ReferralEvent[] {
  if (state.caseManager === command.caseManager) {
    throw new DomainRuleViolation('already-assigned', 'This case manager is already assigned to the referral');
  }
  return [{ type: 'CaseManagerAssigned', data: { referralId: state.id, caseManager: command.caseManager, assignedAt: command.metadata.now.toISOString() } }];
}

function assess(command: AssessNeeds, state: ReceivedReferral): ReferralEvent[] {
  const offenceDate = state.offenceDate ?? state.receivedAt.slice(0, 10);
  // A crime type retired from the list since the referral proposes no group of its own.
  const crimeType = command.crimeTypes.find((type) => type.id === state.crimeTypeId) ?? { priorityGroup: null };
  const proposedGroups = proposePriorityGroups(crimeType, state.victim.dateOfBirth, offenceDate);
  const confirmed = [...new Set(command.priorityGroups)].sort();
  const overridden = confirmed.join() !== [...proposedGroups].sort().join();
  if (overridden && !command.overrideReason) {
    throw new DomainRuleViolation(
      'override-reason-required',
      `The proposed priority groups were ${proposedGroups.join(', ') || 'none'}: give an overrideReason to confirm others`,
    );
  }
  // The same rule as for a new contract, from the other side: a contract agreed before the assessment must not leave such a victim without one.
  if ((confirmed.length > 0 || command.riskLevel === 'high') && state.contract && !state.caseManager) {
    throw new DomainRuleViolation('case-manager-required', 'Enhanced and high-risk victims need a named case manager: this victim has a contact contract, so assign one first');
  }
  return [
    {
      type: 'NeedsAssessed',
      data: {
        referralId: state.id,
        needs: [...new Set(command.needs)],
        riskLevel: command.riskLevel,
        proposedGroups,
        priorityGroups: confirmed as PriorityGroup[],
        overrideReason: overridden ? command.overrideReason : null,
        enhanced: confirmed.length > 0,
        assessedAt: command.metadata.now.toISOString(),
      },
    },
  ];
}

function acceptSupport(command: AcceptSupport, state: ReceivedReferral): ReferralEvent[] {
  if (state.support?.decision === 'accepted') throw new DomainRuleViolation('support-already-accepted', 'The victim has already accepted support');
  return [{ type: 'SupportAccepted', data: { referralId: state.id, acceptedAt: command.metadata.now.toISOString() } }];
}

function declineSupport(command: DeclineSupport, state: ReceivedReferral): ReferralEvent[] {
  if (state.support?.decision === 'declined') throw new DomainRuleViolation('support-already-declined', 'The victim has already declined support');
  return [{ type: 'SupportDeclined', data: { referralId: state.id, reason: command.reason, declinedAt: command.metadata.now.toISOString() } }];
}

function close(command: CloseCase, state: ReceivedReferral): ReferralEvent[] {
  return [{ type: 'CaseClosed', data: { referralId: state.id, reason: command.reason, closedAt: command.metadata.now.toISOString() } }];
}

function reopen(command: ReopenCase, state: ReceivedReferral): ReferralEvent[] {
  if (!state.closure) throw new DomainRuleViolation('case-not-closed', 'Only a closed case can be reopened');
  return [{ type: 'CaseReopened', data: { referralId: state.id, reason: command.reason, reopenedAt: command.metadata.now.toISOString() } }];
}

function agreeContract(command: AgreeContactContract, state: ReceivedReferral): ReferralEvent[] {
  if (!state.consent.contact) throw new DomainRuleViolation('no-consent-to-contact', 'The victim did not consent to be contacted: there is no contact to agree');
  const needsNamedManager = state.assessment?.enhanced || state.assessment?.riskLevel === 'high';
  if (needsNamedManager && !state.caseManager) {
    throw new DomainRuleViolation('case-manager-required', 'Enhanced and high-risk victims need a named case manager before a contact contract');
  }
  const agreedAt = command.metadata.now.toISOString();
  return [
    {
      type: 'ContactContractAgreed',
      data: {
        referralId: state.id,
        subjectId: state.victim.subjectId,
        frequency: command.frequency,
        channel: command.channel,
        safeTimes: command.safeTimes,
        agreedAt,
        // Due from the last successful contact, or from the agreement when there has been none.
        nextContactDue: nextContactDue(state.contact.lastMadeAt ?? agreedAt, command.frequency),
      },
    },
  ];
}

function recordContact(command: RecordContact, state: ReceivedReferral): ReferralEvent[] {
  if (!state.consent.contact) throw new DomainRuleViolation('no-consent-to-contact', 'The victim did not consent to be contacted');
  if (Date.parse(command.at) > command.metadata.now.getTime()) {
    throw new DomainRuleViolation('contact-in-future', 'A contact can only be recorded once it has been made or attempted');
  }
  const common = { referralId: state.id, subjectId: state.victim.subjectId, channel: command.channel, at: command.at, note: command.note };
  if (command.outcome === 'made') {
    // A contact entered late, older than the last successful one, does not move the schedule back.
    const latest = state.contact.lastMadeAt && Date.parse(state.contact.lastMadeAt) > Date.parse(command.at) ? state.contact.lastMadeAt : command.at;
    const due = state.contract ? nextContactDue(latest, state.contract.frequency) : null;
    return [{ type: 'ContactMade', data: { ...common, nextContactDue: due } }];
  }
  const consecutiveFailures = state.contact.consecutiveFailures + 1;
  return [{ type: 'ContactAttemptFailed', data: { ...common, consecutiveFailures, unableToContact: consecutiveFailures >= command.failureThreshold } }];
}

function makeServiceReferral(command: MakeServiceReferral, state: ReceivedReferral): ReferralEvent[] {
  const open = state.serviceReferrals.find((referral) => referral.service === command.service && (referral.outcome === null || referral.outcome === 'accepted'));
  if (open) throw new DomainRuleViolation('service-referral-open', 'The victim already has an open referral to this service');
  if (!state.consent.dataSharing) throw new DomainRuleViolation('no-consent-to-share', 'The victim did not consent to their data being shared with support services');
  const data = { referralId: state.id, serviceReferralId: command.serviceReferralId, service: command.service, madeAt: command.metadata.now.toISOString() };
  return [{ type: 'ServiceReferralMade', data }];
}

/** A service accepts or declines a referral, and completes one it accepted. */
const NEXT_OUTCOMES: Record<'pending' | ServiceReferralOutcome, readonly ServiceReferralOutcome[]> = {
  pending: ['accepted', 'declined'],
  accepted: ['completed'],
  declined: [],
  completed: [],
};

function recordServiceOutcome(command: RecordServiceReferralOutcome, state: ReceivedReferral): ReferralEvent[] {
  const referral = state.serviceReferrals.find((candidate) => candidate.id === command.serviceReferralId);
  if (!referral) throw new UnknownCasePart('service referral', command.serviceReferralId);
  if (!NEXT_OUTCOMES[referral.outcome ?? 'pending'].includes(command.outcome)) {
    throw new DomainRuleViolation('service-outcome-out-of-order', `A service referral that is ${referral.outcome ?? 'pending'} cannot become ${command.outcome}`);
  }
  const data = { referralId: state.id, serviceReferralId: referral.id, outcome: command.outcome, recordedAt: command.metadata.now.toISOString() };
  return [{ type: 'ServiceReferralOutcomeRecorded', data }];
}

/** Victims' Code: victims hear of a development within 5 working days, enhanced victims within 1. */
const UPDATE_WORKING_DAYS = { standard: 5, enhanced: 1 };

function learnCriminalJusticeEvent(command: LearnCriminalJusticeEvent, state: ReceivedReferral): ReferralEvent[] {
  if (Date.parse(command.learnedAt) > command.metadata.now.getTime()) {
    throw new DomainRuleViolation('learned-in-future', 'A criminal-justice event can only be recorded once the centre has learned of it');
  }
  const enhanced = state.assessment?.enhanced ?? false;
  const dueBy = command.calendar.dueAfter(command.learnedAt, enhanced ? UPDATE_WORKING_DAYS.enhanced : UPDATE_WORKING_DAYS.standard);
  const data = { referralId: state.id, cjEventId: command.cjEventId, kind: command.kind, learnedAt: command.learnedAt, dueBy, enhanced };
  return [{ type: 'CriminalJusticeEventLearned', data }];
}

function recordVictimUpdate(command: RecordVictimUpdate, state: ReceivedReferral): ReferralEvent[] {
  const update = state.cjEvents.find((candidate) => candidate.id === command.cjEventId);
  if (!update) throw new UnknownCasePart('criminal-justice event', command.cjEventId);
  if (update.communicated) throw new DomainRuleViolation('victim-already-updated', 'The victim has already been told of this criminal-justice event');
  if (!state.consent.contact) throw new DomainRuleViolation('no-consent-to-contact', 'The victim did not consent to be contacted');
  if (Date.parse(command.at) > command.metadata.now.getTime()) {
    throw new DomainRuleViolation('update-in-future', 'An update can only be recorded once the victim has been told');
  }
  if (Date.parse(command.at) < Date.parse(update.learnedAt)) {
    throw new DomainRuleViolation('update-before-event-learned', 'The victim cannot have been told before the centre learned of the event');
  }
  const toldOn = londonDate(command.at);
  const workingDaysTaken = command.calendar.workingDaysBetween(londonDate(update.learnedAt), toldOn);
  const data = { referralId: state.id, cjEventId: update.id, at: command.at, channel: command.channel, onTime: toldOn <= update.dueBy, workingDaysTaken };
  return [{ type: 'VictimUpdated', data }];
}

export const referralDecider = {
  initialState: initialReferral,
  evolve: evolveReferral,
  decide: decideReferral,
};
