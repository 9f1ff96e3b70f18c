import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes that keep the referral lists and the Beacon report fast at a million referrals (npm run bench,
 * BENCH_SUITES=scale): a caseload in the order the list handler sorts it (what is due first, contact or
 * criminal-justice update), victim-name search by trigrams (`q=` matches anywhere in the name), and the
 * England day of receipt the report's periods filter on. pg_trgm ships with PostgreSQL and is a trusted
 * extension: a database owner may create it.
 */
export class ReferralListQueryIndexes1763800008000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await queryRunner.query(`
      CREATE INDEX referral_list_caseload_due ON referral_list (
        case_manager,
        least(coalesce(next_contact_due, 'infinity'), coalesce(((next_update_due + 1)::timestamp AT TIME ZONE 'Europe/London'), 'infinity')),
        id)`);
    await queryRunner.query('CREATE INDEX referral_list_victim_name_trgm ON referral_list USING gin (victim_name gin_trgm_ops)');
    await queryRunner.query(`CREATE INDEX referral_list_received_day ON referral_list (((received_at AT TIME ZONE 'Europe/London')::date))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX referral_list_received_day');
    await queryRunner.query('DROP INDEX referral_list_victim_name_trgm');
    await queryRunner.query('DROP INDEX referral_list_caseload_due');
  }
}
