import type { VictimMessageQueued } from '../../src/referrals/domain/victim-messages.events.ts';
import type { Projection } from '../runner/projection.ts';

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
  case_id: string;
  message_id: string;
  send_after: string;
}

export const notifyOutboxProjection: Projection<NotifyOutboxRow> = {
  name: 'notify-outbox',
  version: 1,
  table: 'notify_outbox',
  eventTypes: ['VictimMessageQueued'],
  rowIdOf: (event) => event.id,
  evolve(_row, event) {
    const { referralId, messageId, sendAfter } = event.data as VictimMessageQueued['data'];
    return { id: event.id, stream: event.stream, case_id: referralId, message_id: messageId, send_after: sendAfter };
  },
};
