import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Views of status pages counted per link and per address in fixed windows, shared by every process of a deployment.
 * Unlogged: a count lost in a crash only forgives a few views, and nothing here is worth a write-ahead log record.
 */
export class StatusPageViews1763800320000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE UNLOGGED TABLE status_page_views (
        counted         text        PRIMARY KEY,
        window_started  timestamptz NOT NULL,
        views           integer     NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE status_page_views');
  }
}
