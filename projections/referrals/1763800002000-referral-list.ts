import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReferralList1763800002000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE referral_list (
        id                uuid        PRIMARY KEY,
        status            text        NOT NULL,
        source            text        NOT NULL,
        crime_type_id     text        NOT NULL,
        case_manager      text,
        victim_name       text        NOT NULL,
        enhanced          boolean     NOT NULL,
        next_contact_due  timestamptz,
        unable_to_contact boolean     NOT NULL,
        received_at       timestamptz NOT NULL,
        revision          int         NOT NULL,
        updated_at        timestamptz NOT NULL,
        state             jsonb       NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX referral_list_received ON referral_list (received_at DESC, id DESC)');
    await queryRunner.query('CREATE INDEX referral_list_case_manager ON referral_list (case_manager, next_contact_due)');
    await queryRunner.query('CREATE INDEX referral_list_status ON referral_list (status, received_at DESC)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE referral_list');
  }
}
