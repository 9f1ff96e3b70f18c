import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CaseTimeline1763800002500 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE case_timeline (
        id       text  PRIMARY KEY,
        revision int   NOT NULL,
        entries  jsonb NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE case_timeline');
  }
}
