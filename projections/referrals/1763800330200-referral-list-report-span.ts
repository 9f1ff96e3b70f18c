import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The days from the crime's report to the referral, as a range: when an administrator adds or retires a bank
 * holiday, the projector finds by this index the referrals whose police referral delay that day changes.
 */
export class ReferralListReportSpan1763800330200 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE referral_list ADD COLUMN report_span daterange');
    await queryRunner.query('CREATE INDEX referral_list_report_span ON referral_list USING gist (report_span) WHERE report_span IS NOT NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX referral_list_report_span');
    await queryRunner.query('ALTER TABLE referral_list DROP COLUMN report_span');
  }
}
