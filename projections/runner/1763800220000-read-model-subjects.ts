import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The read models that copy personal data, each of which the runner marks with its rows' subjects (subject-rows.ts). */
const TABLES = ['referral_list', 'complaint_list', 'resolution_list'];

/**
 * Which data subjects' values each row of a personal-data read model holds, and the streams it was folded from,
 * so an erasure or restriction folds again only those rows. Filled by the projections' version bumps (the
 * rebuild on deployment); until it swaps in, the live rows are marked as their cases next change.
 */
export class ReadModelSubjects1763800220000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN subject_ids text[] NOT NULL DEFAULT '{}', ADD COLUMN streams text[] NOT NULL DEFAULT '{}'`);
      await queryRunner.query(`CREATE INDEX ${table}_subject_ids ON ${table} USING gin (subject_ids)`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN subject_ids, DROP COLUMN streams`);
  }
}
