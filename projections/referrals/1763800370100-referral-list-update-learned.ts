import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Referrals by the day their next criminal-justice update was learned: the overdue and due-by lists find the few
 * updates due by a day through it (with the caseload's index of contacts due), rather than walking a caseload.
 */
export class ReferralListUpdateLearned1763800370100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX referral_list_update_learned ON referral_list (next_update_learned_on) WHERE next_update_learned_on IS NOT NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX referral_list_update_learned');
  }
}
