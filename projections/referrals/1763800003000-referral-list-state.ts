import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Version 2 of the referral list keeps the folded journey and whether the victim is enhanced. */
export class ReferralListState1763800003000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE referral_list ADD COLUMN enhanced boolean NOT NULL DEFAULT false, ADD COLUMN state jsonb');
    await queryRunner.query('CREATE INDEX referral_list_status ON referral_list (status, received_at DESC)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX referral_list_status');
    await queryRunner.query('ALTER TABLE referral_list DROP COLUMN state, DROP COLUMN enhanced');
  }
}
