import { defineEvent } from '../../personal-data/event-definition.ts';
import type { DomainEvent } from '../../shared/domain/decider.ts';
import { QUEUED_MESSAGE_PLAIN, queuedMessagePersonalData, type MessageFailure, type QueuedMessage } from '../../shared/domain/notify-message.ts';

/** What a message tells the victim: a criminal-justice development (right 6), or a scheduled contact. */
export const MESSAGE_KINDS = ['cj-update', 'contact'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export { MESSAGE_CHANNELS, type MessageChannel, type MessageFailure } from '../../shared/domain/notify-message.ts';

/** Sent after (`sendAfter`) the start of the victim's next safe window. */
export type VictimMessageQueued = DomainEvent<'VictimMessageQueued', QueuedMessage & { referralId: string; kind: MessageKind; cjEventId: string | null }>;

export type VictimMessageDelivered = DomainEvent<'VictimMessageDelivered', { referralId: string; messageId: string; deliveredAt: string }>;
export type VictimMessageFailed = DomainEvent<'VictimMessageFailed', { referralId: string; messageId: string; reason: MessageFailure; failedAt: string }>;

export type VictimMessageEvent = VictimMessageQueued | VictimMessageDelivered | VictimMessageFailed;

export const victimMessageEventDefinitions = [
  defineEvent({ type: 'VictimMessageQueued', schemaVersion: 1, personalData: queuedMessagePersonalData('referralId'), plain: ['referralId', 'kind', 'cjEventId', ...QUEUED_MESSAGE_PLAIN] }),
  defineEvent({ type: 'VictimMessageDelivered', schemaVersion: 1, personalData: [], plain: ['referralId', 'messageId', 'deliveredAt'] }),
  defineEvent({ type: 'VictimMessageFailed', schemaVersion: 1, personalData: [], plain: ['referralId', 'messageId', 'reason', 'failedAt'] }),
];
