import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addSubjectColumns, dropSubjectColumns } from '../runner/read-model-subject-columns.ts';

/** The timeline holds notes (personal data) since version 2: its rows are marked with their subjects like the lists'. */
export class CaseTimelineSubjects1763800290100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await addSubjectColumns(queryRunner, 'case_timeline');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropSubjectColumns(queryRunner, 'case_timeline');
  }
}
