import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Free-text search over references and complainants' names by trigrams (`q=` matches anywhere), and the
 * England day of receipt the complaints report's periods filter on. pg_trgm: see the referral-list indexes.
 */
export class ComplaintListQueryIndexes1763800008100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    await queryRunner.query('CREATE INDEX complaint_list_complainant_name_trgm ON complaint_list USING gin (complainant_name gin_trgm_ops)');
    await queryRunner.query('CREATE INDEX complaint_list_reference_trgm ON complaint_list USING gin (reference gin_trgm_ops)');
    await queryRunner.query(`CREATE INDEX complaint_list_received_day ON complaint_list (((received_at AT TIME ZONE 'Europe/London')::date))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX complaint_list_received_day');
    await queryRunner.query('DROP INDEX complaint_list_reference_trgm');
    await queryRunner.query('DROP INDEX complaint_list_complainant_name_trgm');
  }
}
