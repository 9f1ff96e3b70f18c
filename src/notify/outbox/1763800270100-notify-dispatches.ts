import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What became of sending each outbox message: the sender's own bookkeeping, beside the outbox a rebuild may
 * replace. `attempts` is committed before each try, so a later try knows Notify may already have the message.
 */
export class NotifyDispatches1763800270100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notify_dispatches (
        id               uuid        PRIMARY KEY,
        state            text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
        attempts         integer     NOT NULL DEFAULT 0,
        next_attempt_at  timestamptz NOT NULL,
        notification_id  uuid,
        last_error       text,
        settled_at       timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX notify_dispatches_pending ON notify_dispatches (next_attempt_at) WHERE state = 'pending'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE notify_dispatches');
  }
}
