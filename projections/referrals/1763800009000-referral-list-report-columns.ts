import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What the Beacon report aggregates, as plain columns (referral-list version 4 fills them) instead of JSON paths. */
export class ReferralListReportColumns1763800009000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE referral_list
        ADD COLUMN support_decision text,
        ADD COLUMN decline_reason text,
        ADD COLUMN closure_reason text,
        ADD COLUMN report_to_referral_working_days int`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE referral_list
        DROP COLUMN support_decision, DROP COLUMN decline_reason, DROP COLUMN closure_reason, DROP COLUMN report_to_referral_working_days`);
  }
}
