import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The days a referral's open criminal-justice updates were learned, as a range: when an administrator adds or
 * retires a bank holiday, the projector finds by this index the few referrals with an update whose clock spans
 * that day, and counts their due dates again.
 */
export class ReferralListOpenUpdates1763800330000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE referral_list ADD COLUMN open_updates_learned daterange');
    await queryRunner.query('CREATE INDEX referral_list_open_updates_learned ON referral_list USING gist (open_updates_learned) WHERE open_updates_learned IS NOT NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX referral_list_open_updates_learned');
    await queryRunner.query('ALTER TABLE referral_list DROP COLUMN open_updates_learned');
  }
}
