import { londonDate, type WorkingDayCalendar } from '../../calendar/working-days.ts';
import { effectiveAt } from '../../shared/domain/effective-time.ts';
import { DomainRuleViolation, UnknownCasePart } from '../../shared/domain/errors.ts';
import { nextContactDue, type ContactChannel } from './contact-schedule.ts';
import type { AgreeContactContract, LearnCriminalJusticeEvent, MakeServiceReferral, RecordContact, RecordServiceReferralOutcome, RecordVictimUpdate } from './referral.commands.ts';
import type { ContactAttemptFailed, ContactMade, ReferralEvent, ServiceReferralOutcome, VictimUpdated } from './referral.events.ts';
import type { CriminalJusticeUpdate, ReceivedReferral } from './referral.state.ts';
import { entitledNow, updateDueBy, updateWorkingDays } from './update-clock.ts';

/** Keeping in touch with the victim: the contact contract, contacts, criminal-justice updates, onward services. */
export function agreeContract(command: AgreeContactContract, state: ReceivedReferral): ReferralEvent[] {
  if (!state.consent.contact) throw new DomainRuleViolation('no-consent-to-contact', 'The victim did not consent to be contacted: there is no contact to agree');
  const needsNamedManager = state.assessment?.enhanced || state.assessment?.riskLevel === 'high';
  if (needsNamedManager && !state.caseManager) {
    throw new DomainRuleViolation('case-manager-required', 'Enhanced and high-risk victims need a named case manager before a contact contract');
  }
  const agreedAt = effectiveAt(command, 'agreed', [[state.receivedAt, 'receipt'], [state.contract?.agreedAt, 'earlier-contract']]);
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

export function recordContact(command: RecordContact, state: ReceivedReferral): ReferralEvent[] {
  if (!state.consent.contact) throw new DomainRuleViolation('no-consent-to-contact', 'The victim did not consent to be contacted');
  if (Date.parse(command.at) > command.metadata.now.getTime()) {
    throw new DomainRuleViolation('contact-in-future', 'A contact can only be recorded once it has been made or attempted');
  }
  if (Date.parse(command.at) < Date.parse(state.receivedAt)) {
    throw new DomainRuleViolation('contact-before-receipt', 'The victim cannot have been contacted about a referral before it was received');
  }
  if (command.outcome === 'made') return [contactMade(state, command.channel, command.at, command.note)];
  return [contactAttemptFailed(state, command.channel, command.at, command.note, command.failureThreshold)];
}

export function contactMade(state: ReceivedReferral, channel: ContactChannel, at: string, note: string | null): ContactMade {
  // A contact entered late, older than the last successful one, does not move the schedule back.
  const latest = state.contact.lastMadeAt && Date.parse(state.contact.lastMadeAt) > Date.parse(at) ? state.contact.lastMadeAt : at;
  const due = state.contract ? nextContactDue(latest, state.contract.frequency) : null;
  return { type: 'ContactMade', data: { referralId: state.id, subjectId: state.victim.subjectId, channel, at, note, nextContactDue: due } };
}

export function contactAttemptFailed(state: ReceivedReferral, channel: ContactChannel, at: string, note: string | null, failureThreshold: number): ContactAttemptFailed {
  const consecutiveFailures = state.contact.consecutiveFailures + 1;
  const data = { referralId: state.id, subjectId: state.victim.subjectId, channel, at, note, consecutiveFailures, unableToContact: consecutiveFailures >= failureThreshold };
  return { type: 'ContactAttemptFailed', data };
}

export function makeServiceReferral(command: MakeServiceReferral, state: ReceivedReferral): ReferralEvent[] {
  const open = state.serviceReferrals.find((referral) => referral.service === command.service && (referral.outcome === null || referral.outcome === 'accepted'));
  if (open) throw new DomainRuleViolation('service-referral-open', 'The victim already has an open referral to this service');
  if (!state.consent.dataSharing) throw new DomainRuleViolation('no-consent-to-share', 'The victim did not consent to their data being shared with support services');
  const data = { referralId: state.id, serviceReferralId: command.serviceReferralId, service: command.service, madeAt: effectiveAt(command, 'made', [[state.receivedAt, 'receipt']]) };
  return [{ type: 'ServiceReferralMade', data }];
}

/** A service accepts or declines a referral, and completes one it accepted. */
const NEXT_OUTCOMES: Record<'pending' | ServiceReferralOutcome, readonly ServiceReferralOutcome[]> = {
  pending: ['accepted', 'declined'],
  accepted: ['completed'],
  declined: [],
  completed: [],
};

export function recordServiceOutcome(command: RecordServiceReferralOutcome, state: ReceivedReferral): ReferralEvent[] {
  const referral = state.serviceReferrals.find((candidate) => candidate.id === command.serviceReferralId);
  if (!referral) throw new UnknownCasePart('service referral', command.serviceReferralId);
  if (!NEXT_OUTCOMES[referral.outcome ?? 'pending'].includes(command.outcome)) {
    throw new DomainRuleViolation('service-outcome-out-of-order', `A service referral that is ${referral.outcome ?? 'pending'} cannot become ${command.outcome}`);
  }
  // An outcome follows the referral to the service and, for a completion, its acceptance.
  const recordedAt = effectiveAt(command, 'outcome', [[referral.madeAt, 'service-referral'], [referral.outcomeAt, 'acceptance']]);
  const data = { referralId: state.id, serviceReferralId: referral.id, outcome: command.outcome, recordedAt };
  return [{ type: 'ServiceReferralOutcomeRecorded', data }];
}

export function learnCriminalJusticeEvent(command: LearnCriminalJusticeEvent, state: ReceivedReferral): ReferralEvent[] {
  if (Date.parse(command.learnedAt) > command.metadata.now.getTime()) {
    throw new DomainRuleViolation('learned-in-future', 'A criminal-justice event can only be recorded once the centre has learned of it');
  }
  if (Date.parse(command.learnedAt) < Date.parse(state.receivedAt)) {
    throw new DomainRuleViolation('learned-before-receipt', 'The centre learns of a criminal-justice event for a victim it has a referral for: not before the referral was received');
  }
  const enhanced = entitledNow(state, command.crimeTypes);
  // The due date as it stood when learned, kept for the record; the clock itself follows the calendar and entitlement (update-clock.ts).
  const dueBy = command.calendar.dueAfter(command.learnedAt, updateWorkingDays(enhanced));
  const data = { referralId: state.id, cjEventId: command.cjEventId, kind: command.kind, learnedAt: command.learnedAt, dueBy, enhanced };
  return [{ type: 'CriminalJusticeEventLearned', data }];
}

export function recordVictimUpdate(command: RecordVictimUpdate, state: ReceivedReferral): ReferralEvent[] {
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
  return [victimUpdated(state, update, command.at, command.channel, command.calendar)];
}

/** The victim was told at `at`: in time if on or before the update's due day, on the calendar as it stands. */
export function victimUpdated(state: ReceivedReferral, update: CriminalJusticeUpdate, at: string, channel: ContactChannel, calendar: WorkingDayCalendar): VictimUpdated {
  const toldOn = londonDate(at);
  const workingDaysTaken = calendar.workingDaysBetween(londonDate(update.learnedAt), toldOn);
  const onTime = toldOn <= updateDueBy(state, update, calendar);
  return { type: 'VictimUpdated', data: { referralId: state.id, cjEventId: update.id, at, channel, onTime, workingDaysTaken } };
}
