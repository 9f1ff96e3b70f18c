import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the Beacon report adds (issue 17): risk level, Victim Personal Statement and restorative justice, and
 * each service referral's outcome (`awaiting` until one is recorded). The received-day index carries them
 * too, so the report stays an index-only scan. The projection's version 7 fills them.
 */
export class ReferralListJourneyFigures1763800250100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE referral_list
        ADD COLUMN risk_level text,
        ADD COLUMN personal_statement text,
        ADD COLUMN personal_statement_made boolean NOT NULL DEFAULT false,
        ADD COLUMN restorative_justice text,
        ADD COLUMN service_referral_outcomes text[] NOT NULL DEFAULT '{}'`);
    await queryRunner.query('DROP INDEX referral_list_received_day_report');
    await queryRunner.query(`
      CREATE INDEX referral_list_received_day_report ON referral_list (((received_at AT TIME ZONE 'Europe/London')::date))
        INCLUDE (received_at, source, crime_type_id, enhanced, support_decision, decline_reason, closure_reason,
                 report_to_referral_working_days, next_contact_due, unable_to_contact,
                 risk_level, personal_statement, personal_statement_made, restorative_justice, service_referral_outcomes)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX referral_list_received_day_report');
    await queryRunner.query(`
      CREATE INDEX referral_list_received_day_report ON referral_list (((received_at AT TIME ZONE 'Europe/London')::date))
        INCLUDE (received_at, source, crime_type_id, enhanced, support_decision, decline_reason, closure_reason,
                 report_to_referral_working_days, next_contact_due, unable_to_contact)`);
    await queryRunner.query(`
      ALTER TABLE referral_list DROP COLUMN risk_level, DROP COLUMN personal_statement, DROP COLUMN personal_statement_made,
        DROP COLUMN restorative_justice, DROP COLUMN service_referral_outcomes`);
  }
}
