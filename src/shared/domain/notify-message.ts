import { caseText, type PersonalDataSpec } from '../../personal-data/event-definition.ts';
import { DomainRuleViolation } from './errors.ts';

/** The channels GOV.UK Notify sends by. */
export const MESSAGE_CHANNELS = ['email', 'sms', 'letter'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/** Why a message did not reach its person: Notify's final statuses, its refusal, or the data gone. */
export const MESSAGE_FAILURES = ['permanent-failure', 'temporary-failure', 'technical-failure', 'rejected', 'undeliverable'] as const;
export type MessageFailure = (typeof MESSAGE_FAILURES)[number];

/** What every queued message holds for the outbox's sender, whichever case it is on. */
export interface QueuedMessage {
  messageId: string;
  /** The person told: the address and the personalisation are theirs, and erased with them. */
  subjectId: string;
  channel: MessageChannel;
  templateId: string;
  /** The email address or phone number; for a letter, the name above the postal address. */
  recipient: string;
  personalisation: Record<string, string>;
  queuedAt: string;
  /** Not sent before this instant. */
  sendAfter: string;
}

/** The address is the person's own; what the message says may name others of the case, so it is the case's free text. */
export const queuedMessagePersonalData = (caseIdPath: string, caseFields: string[] = []): PersonalDataSpec[] => [
  { subjectIdPath: 'subjectId', fields: ['recipient'] },
  caseText(caseIdPath, ['personalisation', ...caseFields]),
];

export const QUEUED_MESSAGE_PLAIN = ['messageId', 'subjectId', 'channel', 'templateId', 'queuedAt', 'sendAfter'];

const RECIPIENT_FIELD: Record<MessageChannel, 'email' | 'phone' | 'address'> = { email: 'email', sms: 'phone', letter: 'address' };

interface Person {
  name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
}

/** Where a message goes and by which template: a person with no such detail on file, or no template configured, is a rule broken. */
export function addressed(person: Person, whose: string, channel: MessageChannel, templateId: string | null, what: string): { recipient: string; templateId: string } {
  const recipient = recipientOf(person, channel);
  if (!recipient) throw new DomainRuleViolation('no-recipient-on-file', `The ${whose} has no ${RECIPIENT_FIELD[channel]} on file`);
  if (!templateId) throw new DomainRuleViolation('no-template-for-message', `No Notify template is configured for ${what} by ${channel} (admin/settings, list notifyTemplates)`);
  return { recipient, templateId };
}

/** Where a message by this channel goes, from the person's details on file; null when there is none. */
function recipientOf(person: { name: string; email: string | null; phone: string | null; address: string | null }, channel: MessageChannel): string | null {
  const detail = person[RECIPIENT_FIELD[channel]];
  return detail && channel === 'letter' ? `${person.name}\n${detail}` : detail;
}
