import { defineEvent } from '../../personal-data/event-definition.ts';
import type { DomainEvent } from '../../shared/domain/decider.ts';
import { QUEUED_MESSAGE_PLAIN, queuedMessagePersonalData, type MessageFailure, type QueuedMessage } from '../../shared/domain/notify-message.ts';

/** A progress update goes by email or letter: the channels a complaint's updates are recorded by that Notify sends. */
export const COMPLAINANT_MESSAGE_CHANNELS = ['email', 'letter'] as const;
export type ComplainantMessageChannel = (typeof COMPLAINANT_MESSAGE_CHANNELS)[number];

/** A progress update sent through GOV.UK Notify; `summary` is what it tells the complainant, for the record of updates. */
export type ComplainantMessageQueued = DomainEvent<'ComplainantMessageQueued', QueuedMessage & { complaintId: string; channel: ComplainantMessageChannel; summary: string }>;
export type ComplainantMessageDelivered = DomainEvent<'ComplainantMessageDelivered', { complaintId: string; messageId: string; deliveredAt: string }>;
export type ComplainantMessageFailed = DomainEvent<'ComplainantMessageFailed', { complaintId: string; messageId: string; reason: MessageFailure; failedAt: string }>;

export type ComplainantMessageEvent = ComplainantMessageQueued | ComplainantMessageDelivered | ComplainantMessageFailed;

export const complainantMessageEventDefinitions = [
  defineEvent({ type: 'ComplainantMessageQueued', schemaVersion: 1, personalData: queuedMessagePersonalData('complaintId', ['summary']), plain: ['complaintId', ...QUEUED_MESSAGE_PLAIN] }),
  defineEvent({ type: 'ComplainantMessageDelivered', schemaVersion: 1, personalData: [], plain: ['complaintId', 'messageId', 'deliveredAt'] }),
  defineEvent({ type: 'ComplainantMessageFailed', schemaVersion: 1, personalData: [], plain: ['complaintId', 'messageId', 'reason', 'failedAt'] }),
];
