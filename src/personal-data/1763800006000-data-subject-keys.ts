import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Per-subject keys for crypto-shredding; a NULL key is an erased subject (the row stays as proof). */
export class DataSubjectKeys1763800006000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE data_subject_keys (
        subject_id  text        PRIMARY KEY,
        wrapped_key bytea,
        restricted  boolean     NOT NULL DEFAULT false,
        created_at  timestamptz NOT NULL DEFAULT now(),
        erased_at   timestamptz
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE data_subject_keys');
  }
}
