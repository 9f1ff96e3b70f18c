import { defineEvent } from '../../personal-data/event-definition.ts';
import type { DomainEvent } from '../../shared/domain/decider.ts';

/** What a message tells the victim: a criminal-justice development (right 6), or a scheduled contact. */
export const MESSAGE_KINDS = ['cj-update', 'contact'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** The channels GOV.UK Notify sends by. */
export const MESSAGE_CHANNELS = ['email', 'sms', 'letter'] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/** Why a message did not reach the victim: Notify's final statuses, its refusal, or the data gone. */
export const MESSAGE_FAILURES = ['permanent-failure', 'temporary-failure', 'technical-failure', 'rejected', 'undeliverable'] as const;
export type MessageFailure = (typeof MESSAGE_FAILURES)[number];

export type VictimMessageQueued = DomainEvent<
  'VictimMessageQueued',
  {
    referralId: string;
    messageId: string;
    /** The victim: the address and the personalisation are theirs, and erased with them. */
    subjectId: string;
    kind: MessageKind;
    cjEventId: string | null;
    channel: MessageChannel;
    templateId: string;
    /** The email address or phone number; for a letter, the postal address. */
    recipient: string;
    personalisation: Record<string, string>;
    queuedAt: string;
    /** Not sent before this instant: the start of the victim's next safe window. */
    sendAfter: string;
  }
>;

export type VictimMessageDelivered = DomainEvent<'VictimMessageDelivered', { referralId: string; messageId: string; deliveredAt: string }>;
export type VictimMessageFailed = DomainEvent<'VictimMessageFailed', { referralId: string; messageId: string; reason: MessageFailure; failedAt: string }>;

export type VictimMessageEvent = VictimMessageQueued | VictimMessageDelivered | VictimMessageFailed;

export const victimMessageEventDefinitions = [
  defineEvent({ type: 'VictimMessageQueued', schemaVersion: 1, personalData: [{ subjectIdPath: 'subjectId', fields: ['recipient', 'personalisation'] }] }),
  defineEvent({ type: 'VictimMessageDelivered', schemaVersion: 1, personalData: [] }),
  defineEvent({ type: 'VictimMessageFailed', schemaVersion: 1, personalData: [] }),
];
