import { DomainRuleViolation, UnknownCasePart } from '../../shared/domain/errors.ts';
import { contactAttemptFailed, contactMade, victimUpdated } from './keeping-in-touch.decide.ts';
import type { RecordMessageDelivered, RecordMessageFailed, SendVictimMessage } from './referral.commands.ts';
import type { ReferralEvent } from './referral.events.ts';
import type { ReceivedReferral, VictimMessage } from './referral.state.ts';
import { nextSafeInstant, parseSafeTimes } from './safe-times.ts';
import { addressed } from '../../shared/domain/notify-message.ts';

/**
 * A message to the victim, ruled by their contact contract: consent, the channel they agreed (a channel
 * that is not safe for them is never agreed), and their safe times (a message due outside them waits).
 */
export function sendVictimMessage(command: SendVictimMessage, state: ReceivedReferral): ReferralEvent[] {
  if (!state.consent.contact) throw new DomainRuleViolation('no-consent-to-contact', 'The victim did not consent to be contacted');
  const contract = state.contract;
  if (!contract) throw new DomainRuleViolation('no-contact-contract', 'Agree with the victim how they are kept informed before sending them anything');
  if (contract.channel !== command.channel) {
    throw new DomainRuleViolation('channel-not-agreed', `The victim agreed to be contacted by ${contract.channel} only`);
  }
  const windows = contract.safeTimes === null ? [{ from: 0, to: 24 * 60 }] : parseSafeTimes(contract.safeTimes);
  if (!windows || windows.length === 0) {
    throw new DomainRuleViolation('safe-times-unreadable', 'The safe times agreed are not windows of the day (e.g. 09:00-12:00, 18:00-20:00): agree the contract again before sending');
  }
  const { recipient, templateId } = addressed(state.victim, 'victim', command.channel, command.templateId, `a ${command.kind}`);
  checkUpdatePassedOnce(command, state);
  const queuedAt = command.metadata.now.toISOString();
  const data = {
    referralId: state.id,
    messageId: command.messageId,
    subjectId: state.victim.subjectId,
    kind: command.kind,
    cjEventId: command.cjEventId,
    channel: command.channel,
    templateId,
    recipient,
    personalisation: command.personalisation,
    queuedAt,
    sendAfter: nextSafeInstant(command.metadata.now, windows).toISOString(),
  };
  return [{ type: 'VictimMessageQueued', data }];
}

/** Delivered: a criminal-justice update is passed on then (its clock closes on delivery), a contact made then. Repeated receipts change nothing. */
export function recordMessageDelivered(command: RecordMessageDelivered, state: ReceivedReferral): ReferralEvent[] {
  const message = pendingMessage(state, command.messageId);
  if (!message) return [];
  const delivered: ReferralEvent = { type: 'VictimMessageDelivered', data: { referralId: state.id, messageId: message.id, deliveredAt: command.at } };
  const update = state.cjEvents.find((candidate) => candidate.id === message.cjEventId);
  if (update) return update.communicated ? [delivered] : [delivered, victimUpdated(state, update, command.at, message.channel, command.calendar)];
  return [delivered, contactMade(state, message.channel, command.at, null)];
}

/** Will not arrive: a failed contact attempt, counted towards "unable to contact". */
export function recordMessageFailed(command: RecordMessageFailed, state: ReceivedReferral): ReferralEvent[] {
  const message = pendingMessage(state, command.messageId);
  if (!message) return [];
  const failed: ReferralEvent = { type: 'VictimMessageFailed', data: { referralId: state.id, messageId: message.id, reason: command.reason, failedAt: command.at } };
  return [failed, contactAttemptFailed(state, message.channel, command.at, null, command.failureThreshold)];
}

function checkUpdatePassedOnce(command: SendVictimMessage, state: ReceivedReferral): void {
  if (command.kind === 'contact') {
    if (command.cjEventId !== null) throw new DomainRuleViolation('contact-names-no-update', 'A contact message passes on no criminal-justice event');
    return;
  }
  const update = command.cjEventId === null ? undefined : state.cjEvents.find((candidate) => candidate.id === command.cjEventId);
  if (!update) throw new UnknownCasePart('criminal-justice event', command.cjEventId ?? '');
  if (update.communicated) throw new DomainRuleViolation('victim-already-updated', 'The victim has already been told of this criminal-justice event');
  if (state.messages.some((message) => message.cjEventId === update.id && message.outcome === 'pending')) {
    throw new DomainRuleViolation('update-message-pending', 'A message passing on this event is on its way');
  }
}

/** The message if it has not been settled yet; undefined once delivered or failed (a repeated receipt). */
function pendingMessage(state: ReceivedReferral, messageId: string): VictimMessage | undefined {
  const message = state.messages.find((candidate) => candidate.id === messageId);
  if (!message) throw new UnknownCasePart('message', messageId);
  return message.outcome === 'pending' ? message : undefined;
}
