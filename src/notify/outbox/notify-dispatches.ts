import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { MessageCaseKind } from '../../../projections/notify/notify-outbox.projection.ts';

/** An outbox message the sender has claimed for one try. */
export interface ClaimedMessage {
  /** The queuing event's id: Notify's reference. */
  id: string;
  stream: string;
  caseKind: MessageCaseKind;
  caseId: string;
  messageId: string;
  /** Including this one: above 1, an earlier try may have reached Notify before the process stopped. */
  attempts: number;
}

/** How long a claimed message is left to the process that claimed it before another may try it. */
const LEASE = '2 minutes';

/** The sender's bookkeeping in notify_dispatches, beside the outbox (notify_outbox). */
@Injectable()
export class NotifyDispatches {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Claims messages due (their safe window open, their retry time reached) and commits the try before it is made.
   * Two processes never claim one message: the upsert re-checks the row another committed first.
   */
  async claimDue(limit: number): Promise<ClaimedMessage[]> {
    const rows: { id: string; stream: string; case_kind: MessageCaseKind; case_id: string; message_id: string; attempts: number }[] = await this.dataSource.query(
      `WITH due AS (
         SELECT o.id FROM notify_outbox o LEFT JOIN notify_dispatches d ON d.id = o.id
          WHERE o.send_after <= now() AND (d.id IS NULL OR (d.state = 'pending' AND d.next_attempt_at <= now()))
          ORDER BY o.send_after LIMIT $1),
       claimed AS (
         INSERT INTO notify_dispatches (id, attempts, next_attempt_at) SELECT id, 1, now() + interval '${LEASE}' FROM due
         ON CONFLICT (id) DO UPDATE SET attempts = notify_dispatches.attempts + 1, next_attempt_at = excluded.next_attempt_at
          WHERE notify_dispatches.state = 'pending' AND notify_dispatches.next_attempt_at <= now()
         RETURNING id, attempts)
       SELECT o.id, o.stream, o.case_kind, o.case_id, o.message_id, c.attempts FROM claimed c JOIN notify_outbox o ON o.id = c.id`,
      [limit],
    );
    return rows.map((row) => ({ id: row.id, stream: row.stream, caseKind: row.case_kind, caseId: row.case_id, messageId: row.message_id, attempts: row.attempts }));
  }

  async sent(id: string, notificationId: string): Promise<void> {
    await this.dataSource.query(`UPDATE notify_dispatches SET state = 'sent', notification_id = $2, last_error = NULL, settled_at = now() WHERE id = $1`, [id, notificationId]);
  }

  async failed(id: string, error: string): Promise<void> {
    await this.dataSource.query(`UPDATE notify_dispatches SET state = 'failed', last_error = $2, settled_at = now() WHERE id = $1`, [id, error]);
  }

  async retryLater(id: string, delayMs: number, error: string): Promise<void> {
    await this.dataSource.query(`UPDATE notify_dispatches SET next_attempt_at = now() + $2 * interval '1 millisecond', last_error = $3 WHERE id = $1`, [id, delayMs, error]);
  }

  /** Messages queued and not yet taken by Notify (nor failed). */
  async waiting(): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS waiting FROM notify_outbox o LEFT JOIN notify_dispatches d ON d.id = o.id WHERE d.id IS NULL OR d.state = 'pending'`,
    );
    return row.waiting;
  }

  /** The case and message an outbox reference names, for Notify's receipts. */
  async byReference(reference: string): Promise<Pick<ClaimedMessage, 'caseKind' | 'caseId' | 'messageId'> | undefined> {
    const [row] = await this.dataSource.query('SELECT case_kind, case_id, message_id FROM notify_outbox WHERE id = $1', [reference]);
    return row && { caseKind: row.case_kind, caseId: row.case_id, messageId: row.message_id };
  }
}
