import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which case each data subject belongs to: the case's own data subject (its id is the case id) seals the
 * case's free text, and an erasure or restriction of any person of the case reaches it through this table.
 * Filled on append; here, from the sealed values a PostgreSQL event store already holds (an EventStoreDB
 * store's subjects are linked as their cases are next written to).
 */
export class DataSubjectCases1763800200000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE data_subject_cases (
        subject_id      text NOT NULL,
        case_subject_id text NOT NULL,
        PRIMARY KEY (subject_id, case_subject_id)
      )`);
    await queryRunner.query('CREATE INDEX data_subject_cases_case ON data_subject_cases (case_subject_id)');
    await queryRunner.query(`
      INSERT INTO data_subject_cases (subject_id, case_subject_id)
      SELECT DISTINCT subject_id, case_subject_id FROM (
        SELECT CASE WHEN jsonb_typeof(sealed) = 'object' THEN sealed->>'subject' ELSE split_part(sealed #>> '{}', ':', 2) END AS subject_id,
               coalesce(e.data->>'referralId', e.data->>'complaintId', e.data->>'resolutionId') AS case_subject_id
          FROM events e,
               jsonb_path_query(e.data, 'strict $.** ? ((@.type() == "object" && exists(@."$sealed")) || (@.type() == "string" && @ starts with "pd1:"))') sealed
      ) found
       WHERE case_subject_id IS NOT NULL AND subject_id <> case_subject_id
      ON CONFLICT DO NOTHING`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE data_subject_cases');
  }
}
