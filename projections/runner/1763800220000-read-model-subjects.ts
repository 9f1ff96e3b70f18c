import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addSubjectColumns, dropSubjectColumns } from './read-model-subject-columns.ts';

/** The read models that copy personal data, each of which the runner marks with its rows' subjects (subject-rows.ts). */
const TABLES = ['referral_list', 'complaint_list', 'resolution_list'];

/**
 * Filled by the projections' version bumps (the rebuild on deployment); until it swaps in, the live rows are
 * marked as their cases next change.
 */
export class ReadModelSubjects1763800220000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await addSubjectColumns(queryRunner, table);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await dropSubjectColumns(queryRunner, table);
  }
}
