import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The folded victim name in the newest-first index itself, so a name search can walk the newest referrals
 * without reading their rows: a common name's matches lie a few hundred entries apart there, while the
 * trigram index sends a search to one table page per match (2,500 pages for a generated full name among
 * a million referrals). The column is generated, so every writer and every rebuild keeps it.
 */
export class ReferralListNewestNames1763800009900 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE referral_list ADD COLUMN victim_name_folded text GENERATED ALWAYS AS (casework_fold(victim_name)) STORED');
    await queryRunner.query('DROP INDEX referral_list_received');
    await queryRunner.query('CREATE INDEX referral_list_received ON referral_list (received_at DESC, id DESC) INCLUDE (victim_name_folded)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX referral_list_received');
    await queryRunner.query('ALTER TABLE referral_list DROP COLUMN victim_name_folded');
    await queryRunner.query('CREATE INDEX referral_list_received ON referral_list (received_at DESC, id DESC)');
  }
}
