import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Names are searched ignoring accents as well as case. `unaccent` is a trusted extension shipped with
 * PostgreSQL; it is not immutable (its dictionary could change), so an immutable wrapper naming the
 * dictionary lets the folded names be indexed, by trigrams as before.
 */
export class AccentInsensitiveSearch1763800009500 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS unaccent');
    await queryRunner.query(`
      CREATE FUNCTION casework_fold(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$`);
    await queryRunner.query('DROP INDEX referral_list_victim_name_trgm');
    await queryRunner.query('DROP INDEX complaint_list_complainant_name_trgm');
    await queryRunner.query('DROP INDEX complaint_list_reference_trgm');
    await queryRunner.query('CREATE INDEX referral_list_victim_name_folded ON referral_list USING gin (casework_fold(victim_name) gin_trgm_ops)');
    await queryRunner.query('CREATE INDEX complaint_list_complainant_name_folded ON complaint_list USING gin (casework_fold(complainant_name) gin_trgm_ops)');
    await queryRunner.query('CREATE INDEX complaint_list_reference_folded ON complaint_list USING gin (casework_fold(reference) gin_trgm_ops)');
    await queryRunner.query('CREATE INDEX resolution_list_offender_name_folded ON resolution_list USING gin (casework_fold(offender_name) gin_trgm_ops)');
    await queryRunner.query('CREATE INDEX resolution_list_crime_reference_folded ON resolution_list USING gin (casework_fold(crime_reference) gin_trgm_ops)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of ['resolution_list_crime_reference_folded', 'resolution_list_offender_name_folded', 'complaint_list_reference_folded', 'complaint_list_complainant_name_folded', 'referral_list_victim_name_folded']) {
      await queryRunner.query(`DROP INDEX ${index}`);
    }
    await queryRunner.query('CREATE INDEX complaint_list_reference_trgm ON complaint_list USING gin (reference gin_trgm_ops)');
    await queryRunner.query('CREATE INDEX complaint_list_complainant_name_trgm ON complaint_list USING gin (complainant_name gin_trgm_ops)');
    await queryRunner.query('CREATE INDEX referral_list_victim_name_trgm ON referral_list USING gin (victim_name gin_trgm_ops)');
    await queryRunner.query('DROP FUNCTION casework_fold(text)');
  }
}
