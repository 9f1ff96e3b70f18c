import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Messages to send through GOV.UK Notify, one per queued-message event (the outbox). */
export class NotifyOutbox1763800270000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE notify_outbox (
        id          uuid        PRIMARY KEY,
        stream      text        NOT NULL,
        case_kind   text        NOT NULL,
        case_id     uuid        NOT NULL,
        message_id  uuid        NOT NULL,
        send_after  timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX notify_outbox_send_after ON notify_outbox (send_after)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE notify_outbox');
  }
}
