import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Which data subjects each case holds, so lists can leave out the cases whose processing is restricted. */
export class CaseSubjects1763800210000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_subjects (
        id          uuid  PRIMARY KEY,
        subject_ids jsonb NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX case_subjects_subjects ON case_subjects USING gin (subject_ids)');
    // Restrictions are few: the lists read them on every query.
    await queryRunner.query('CREATE INDEX data_subject_keys_restricted ON data_subject_keys (subject_id) WHERE restricted');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX data_subject_keys_restricted');
    await queryRunner.query('DROP TABLE case_subjects');
  }
}
