import type { QueuedMessage } from '../../src/shared/domain/notify-message.ts';
import type { Projection } from '../runner/projection.ts';

/** The kinds of case a message may be sent from, by the event that queues it. */
export const CASE_KIND_BY_EVENT = { VictimMessageQueued: 'referral', ComplainantMessageQueued: 'complaint' } as const;
export type MessageCaseKind = (typeof CASE_KIND_BY_EVENT)[keyof typeof CASE_KIND_BY_EVENT];

/**
 * Columns of notify_outbox: one row per message a command queued, keyed by its event's id (Notify's `reference`).
 * The projection's checkpoint moves in the transaction that writes the rows, so every committed message gets its
 * row exactly once; what became of sending it is kept apart, in notify_dispatches, which a rebuild never touches.
 * No personal data: the sender reads the address and personalisation from the event, sealed, when it sends.
 */
export interface NotifyOutboxRow {
  [column: string]: unknown;
  id: string;
  stream: string;
  case_kind: MessageCaseKind;
  case_id: string;
  message_id: string;
  send_after: string;
}

export const notifyOutboxProjection: Projection<NotifyOutboxRow> = {
  name: 'notify-outbox',
  version: 1,
  table: 'notify_outbox',
  eventTypes: Object.keys(CASE_KIND_BY_EVENT),
  rowPerEvent: true,
  rowIdOf: (event) => event.id,
  evolve(_row, event) {
    const { messageId, sendAfter, referralId, complaintId } = event.data as unknown as QueuedMessage & { referralId?: string; complaintId?: string };
    const caseKind = CASE_KIND_BY_EVENT[event.type as keyof typeof CASE_KIND_BY_EVENT];
    return { id: event.id, stream: event.stream, case_kind: caseKind, case_id: (referralId ?? complaintId)!, message_id: messageId, send_after: sendAfter };
  },
};
