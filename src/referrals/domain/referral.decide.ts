import { londonDate } from '../../calendar/working-days.ts';
import { effectiveAt } from '../../shared/domain/effective-time.ts';
import { caseNote } from '../../shared/domain/case-note.ts';
import { givenLink, messageFromPage, revokedLink } from '../../shared/domain/status-link.ts';
import { assertNever } from '../../shared/domain/decider.ts';
import { ActNotPermitted, DomainRuleViolation, type BrokenRule } from '../../shared/domain/errors.ts';
import { agreeContract, learnCriminalJusticeEvent, makeServiceReferral, recordContact, recordServiceOutcome, recordVictimUpdate } from './keeping-in-touch.decide.ts';
import { recordMessageDelivered, recordMessageFailed, sendVictimMessage } from './victim-messages.decide.ts';
import { changeConsent } from './consent.decide.ts';
import { correctCrimeDetails, correctVictimDetails } from './corrections.decide.ts';
import { proposalFor, type PriorityGroup } from './priority-groups.ts';
import { correctRestorativeJusticeStatus, correctVpsStatus, recordRestorativeJusticeStatus, recordVpsStatus } from './statements.decide.ts';
import { recordedDemographics, type RecordDemographics } from '../../shared/domain/demographics.events.ts';
import type { AcceptSupport, AssessNeeds, AssignCaseManager, CloseCase, DeclineSupport, ReceiveReferral, ReferralCommand, ReopenCase } from './referral.commands.ts';
import { CONSENT_BASES, REFERRAL_SOURCES, type ReferralEvent } from './referral.events.ts';
import { evolveReferral, initialReferral, type ReceivedReferral, type Referral } from './referral.state.ts';
import { isNonBlankText, refuseUnstorableText } from '../../shared/domain/storable-text.ts';

export type * from './referral.commands.ts';

export function decideReferral(command: ReferralCommand, state: Referral): ReferralEvent[] {
  refuseUnstorableText(command);
  switch (command.type) {
    case 'ReceiveReferral':
      return receive(command, state);
    case 'RecordDemographics':
      return recordDemographics(command, existing(state));
    case 'WithdrawConsent':
    case 'GiveConsent':
      return changeConsent(command, openCase(state));
    case 'CorrectVictimDetails':
      return correctVictimDetails(command, existing(state));
    case 'CorrectCrimeDetails':
      return correctCrimeDetails(command, existing(state));
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
      return recordVpsStatus(command, openCase(state));
    case 'RecordRestorativeJusticeStatus':
      return recordRestorativeJusticeStatus(command, openCase(state));
    case 'CorrectVpsStatus':
      return correctVpsStatus(command, openCase(state));
    case 'CorrectRestorativeJusticeStatus':
      return correctRestorativeJusticeStatus(command, openCase(state));
    case 'LearnCriminalJusticeEvent':
      return learnCriminalJusticeEvent(command, openCase(state));
    case 'RecordVictimUpdate':
      return recordVictimUpdate(command, openCase(state));
    case 'AddCaseNote': {
      const referral = existing(state);
      return [{ type: 'ReferralNoteAdded', data: { referralId: referral.id, ...caseNote(command, referral.victim.subjectId, referral.closure !== null) } }];
    }
    case 'SendVictimMessage':
      return sendVictimMessage(command, openCase(state));
    case 'RecordMessageDelivered':
      return recordMessageDelivered(command, existing(state));
    case 'RecordMessageFailed':
      return recordMessageFailed(command, existing(state));
    case 'GiveStatusLink': {
      const referral = openCase(state);
      return [{ type: 'VictimStatusLinkGiven', data: { referralId: referral.id, ...givenLink(command, referral.victim.subjectId) } }];
    }
    case 'RevokeStatusLink': {
      const referral = existing(state);
      return [{ type: 'VictimStatusLinkRevoked', data: { referralId: referral.id, ...revokedLink(command, referral.statusLink) } }];
    }
    case 'SendMessageFromStatusPage': {
      const referral = existing(state);
      return [{ type: 'ReferralNoteFromVictimAdded', data: { referralId: referral.id, ...messageFromPage(command, referral.statusLink, referral.closure !== null) } }];
    }
    default:
      return assertNever(command);
  }
}

/** The age band is the victim's at the offence: on the offence date, else the day the crime was reported, else the day received. */
function recordDemographics(command: RecordDemographics, referral: ReceivedReferral): ReferralEvent[] {
  const offenceDay = referral.offenceDate ?? referral.crimeReportedOn ?? londonDate(referral.receivedAt);
  const person = { subjectId: referral.victim.subjectId, dateOfBirth: referral.victim.dateOfBirth, offenceDay, current: referral.demographics ?? null };
  return [{ type: 'ReferralDemographicsRecorded', data: { referralId: referral.id, ...recordedDemographics(command, person) } }];
}

function receive(command: ReceiveReferral, state: Referral): ReferralEvent[] {
  if (state.status !== 'none') {
    throw new DomainRuleViolation('referral-already-received', 'This referral has already been received');
  }
  checkWhatReadsRelyOn(command);
  checkDates(command);
  const explicit = command.consent.basis === 'explicit' && command.consent.contact;
  if (command.source === 'police' && command.crimeType.explicitConsentRequired && !explicit) {
    throw new DomainRuleViolation(
      'explicit-consent-required',
      `Police may refer victims of ${command.crimeType.label.toLowerCase()} only with their explicit consent to contact`,
    );
  }
  const received: ReferralEvent[] = [
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
        receivedAt: command.receivedAt ?? command.metadata.now.toISOString(),
      },
    },
  ];
  if (!command.demographics) return received;
  // Answered on intake: recorded alongside, as the same answers would be later.
  const referral = evolveReferral(initialReferral(), received[0]!) as ReceivedReferral;
  return [...received, ...recordDemographics({ type: 'RecordDemographics', ...command.demographics, metadata: command.metadata }, referral)];
}

/** What every read of a referral relies on, whoever sends the command: a known source, a victim with a name, consent with a basis. */
function checkWhatReadsRelyOn({ source, victim, consent }: ReceiveReferral): void {
  if (!REFERRAL_SOURCES.includes(source)) throw new DomainRuleViolation('source-required', `A referral comes from one of: ${REFERRAL_SOURCES.join(', ')}`);
  if (!isNonBlankText(victim?.name)) throw new DomainRuleViolation('victim-name-required', 'A referral needs the victim\'s name');
  if (typeof consent?.contact !== 'boolean' || typeof consent.dataSharing !== 'boolean' || !CONSENT_BASES.includes(consent.basis)) {
    throw new DomainRuleViolation('consent-required', 'A referral needs the victim\'s consent to contact and to data sharing, and its basis');
  }
}

/** Dates a referral cannot carry: in the future, a crime reported before it happened, a victim born after it. Every one broken is named. */
function checkDates({ offenceDate, crimeReportedOn, victim, receivedAt, metadata }: ReceiveReferral): void {
  const today = londonDate(metadata.now);
  const broken: BrokenRule[] = [];
  if (receivedAt && Date.parse(receivedAt) > metadata.now.getTime()) broken.push({ rule: 'received-in-future', message: 'A referral can only be recorded once it has been received' });
  if (receivedAt && offenceDate && offenceDate > londonDate(receivedAt)) {
    broken.push({ rule: 'offence-after-receipt', message: 'The offence cannot have happened after the referral was received' });
  }
  if (offenceDate && offenceDate > today) broken.push({ rule: 'offence-date-in-future', message: 'The offence date cannot be in the future' });
  if (crimeReportedOn && crimeReportedOn > today) broken.push({ rule: 'crime-reported-in-future', message: 'The date the crime was reported cannot be in the future' });
  if (offenceDate && crimeReportedOn && crimeReportedOn < offenceDate) {
    broken.push({ rule: 'crime-reported-before-offence', message: 'The crime cannot have been reported before the offence date' });
  }
  if (victim.dateOfBirth && victim.dateOfBirth > (offenceDate ?? today)) {
    broken.push({ rule: 'born-after-offence', message: "The victim's date of birth cannot be after the offence date (or today)" });
  }
  const [first, ...more] = broken;
  if (first) throw DomainRuleViolation.of([first, ...more]);
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
  const { userId, supervisor } = command.assignedBy;
  if (!supervisor && (command.caseManager !== userId || state.caseManager !== null)) {
    throw new ActNotPermitted('assignment-by-supervisor', 'A case manager may only take an unassigned case for themselves: a supervisor assigns cases to others');
  }
  return [{ type: 'CaseManagerAssigned', data: { referralId: state.id, caseManager: command.caseManager, assignedAt: effectiveAt(command, 'assigned', [[state.receivedAt, 'receipt']]) } }];
}

function assess(command: AssessNeeds, state: ReceivedReferral): ReferralEvent[] {
  const proposedGroups = proposalFor(state, command.crimeTypes);
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
        assessedAt: effectiveAt(command, 'assessed', [[state.receivedAt, 'receipt']]),
      },
    },
  ];
}

function acceptSupport(command: AcceptSupport, state: ReceivedReferral): ReferralEvent[] {
  if (state.support?.decision === 'accepted') throw new DomainRuleViolation('support-already-accepted', 'The victim has already accepted support');
  return [{ type: 'SupportAccepted', data: { referralId: state.id, acceptedAt: effectiveAt(command, 'accepted', [[state.receivedAt, 'receipt']]) } }];
}

function declineSupport(command: DeclineSupport, state: ReceivedReferral): ReferralEvent[] {
  if (state.support?.decision === 'declined') throw new DomainRuleViolation('support-already-declined', 'The victim has already declined support');
  return [{ type: 'SupportDeclined', data: { referralId: state.id, reason: command.reason, declinedAt: effectiveAt(command, 'declined', [[state.receivedAt, 'receipt']]) } }];
}

/** The closure reason (an id of the configured list) that DOMAIN.md allows only after the configured failed attempts. */
const UNABLE_TO_CONTACT = 'unable-to-contact';

function close(command: CloseCase, state: ReceivedReferral): ReferralEvent[] {
  const failures = state.contact.consecutiveFailures;
  if (command.reason === UNABLE_TO_CONTACT && failures < command.failureThreshold) {
    throw new DomainRuleViolation(
      'failed-attempts-required',
      `A case closes as unable to contact only after ${command.failureThreshold} consecutive failed contact attempts; this one has ${failures} since the last contact made`,
    );
  }
  return [{ type: 'CaseClosed', data: { referralId: state.id, reason: command.reason, closedAt: effectiveAt(command, 'closed', [[state.receivedAt, 'receipt']]) } }];
}

function reopen(command: ReopenCase, state: ReceivedReferral): ReferralEvent[] {
  if (!state.closure) throw new DomainRuleViolation('case-not-closed', 'Only a closed case can be reopened');
  return [{ type: 'CaseReopened', data: { referralId: state.id, reason: command.reason, reopenedAt: effectiveAt(command, 'reopened', [[state.closure.at, 'closure']]) } }];
}

export const referralDecider = {
  initialState: initialReferral,
  evolve: evolveReferral,
  decide: decideReferral,
};
