import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addSubjectColumns } from '../runner/read-model-subject-columns.ts';

/**
 * Who appears in which case (ids and roles, with keyed hashes of their details to match on), and which
 * person each data subject was recognised as.
 */
export class People1763800240000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE subject_index (
        id          uuid   PRIMARY KEY,
        case_kind   text   NOT NULL,
        subjects    jsonb  NOT NULL,
        people_ids  uuid[] NOT NULL,
        match_keys  text[] NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX subject_index_match_keys ON subject_index USING gin (match_keys)');
    await queryRunner.query('CREATE INDEX subject_index_people_ids ON subject_index USING gin (people_ids)');
    await addSubjectColumns(queryRunner, 'subject_index');
    await queryRunner.query(`
      CREATE TABLE person_subjects (
        id        uuid        PRIMARY KEY,
        person_id uuid        NOT NULL,
        linked_at timestamptz NOT NULL,
        linked_by text        NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX person_subjects_person ON person_subjects (person_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE person_subjects');
    await queryRunner.query('DROP TABLE subject_index');
  }
}
