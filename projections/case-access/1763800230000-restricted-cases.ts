import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The cases only named people may work on: lists leave out the rows a viewer is not named on. */
export class RestrictedCases1763800230000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE restricted_cases (
        id          uuid        PRIMARY KEY,
        reason      text        NOT NULL,
        users       text[]      NOT NULL,
        teams       text[]      NOT NULL,
        since       timestamptz NOT NULL,
        changed_by  text        NOT NULL,
        changed_at  timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE restricted_cases');
  }
}
