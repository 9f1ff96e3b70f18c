import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Equality monitoring (issue 17): the victim's answers and age band, for the Beacon report's breakdowns only
 * (null where not recorded or erased). The received-day index carries them, so the report stays an index-only
 * scan. The projection's version 12 fills them.
 */
export class ReferralListDemographics1763800300300 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE referral_list ADD COLUMN gender text, ADD COLUMN ethnicity text, ADD COLUMN disability text, ADD COLUMN age_band text');
    await this.reportIndex(queryRunner, ', gender, ethnicity, disability, age_band');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await this.reportIndex(queryRunner, '');
    await queryRunner.query('ALTER TABLE referral_list DROP COLUMN gender, DROP COLUMN ethnicity, DROP COLUMN disability, DROP COLUMN age_band');
  }

  private async reportIndex(queryRunner: QueryRunner, demographics: string): Promise<void> {
    await queryRunner.query('DROP INDEX referral_list_received_day_report');
    await queryRunner.query(`
      CREATE INDEX referral_list_received_day_report ON referral_list (((received_at AT TIME ZONE 'Europe/London')::date))
        INCLUDE (received_at, source, crime_type_id, enhanced, support_decision, decline_reason, closure_reason,
                 report_to_referral_working_days, next_contact_due, unable_to_contact,
                 risk_level, personal_statement, personal_statement_made, restorative_justice, service_referral_outcomes${demographics})`);
  }
}
