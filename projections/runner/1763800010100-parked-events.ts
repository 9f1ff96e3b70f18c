import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events a projection could not apply and went past: one row per projection, table it was applied to
 * (`live`, or the `rebuild`'s shadow table) and event position, with the error (never personal data). A
 * replayed event's row stays, with when and by whom, as the record of what happened to it.
 */
export class ParkedEvents1763800010100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE projection_parked_events (
        projection      text        NOT NULL,
        target          text        NOT NULL CHECK (target IN ('live', 'rebuild')),
        position        bigint      NOT NULL,
        stream          text        NOT NULL,
        revision        int         NOT NULL,
        event_id        text        NOT NULL,
        event_type      text        NOT NULL,
        error           text        NOT NULL,
        attempts        int         NOT NULL,
        parked_at       timestamptz NOT NULL DEFAULT now(),
        last_attempt_at timestamptz NOT NULL DEFAULT now(),
        replayed_at     timestamptz,
        replayed_by     text,
        PRIMARY KEY (projection, target, position)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE projection_parked_events');
  }
}
