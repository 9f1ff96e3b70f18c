import type { QueryRunner } from 'typeorm';

/**
 * Which data subjects' values each row of a personal-data read model holds, and the streams it was folded from,
 * so an erasure or restriction folds again only those rows (subject-rows.ts). Every personal-data table has them.
 */
export async function addSubjectColumns(queryRunner: QueryRunner, table: string): Promise<void> {
  await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN subject_ids text[] NOT NULL DEFAULT '{}', ADD COLUMN streams text[] NOT NULL DEFAULT '{}'`);
  await queryRunner.query(`CREATE INDEX ${table}_subject_ids ON ${table} USING gin (subject_ids)`);
}

export async function dropSubjectColumns(queryRunner: QueryRunner, table: string): Promise<void> {
  await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN subject_ids, DROP COLUMN streams`);
}
