import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A request refused because the case is restricted to named people is logged beside the reads. */
export class AccessLogRefusals1763800230100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE access_log ADD COLUMN refused boolean NOT NULL DEFAULT false');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE access_log DROP COLUMN refused');
  }
}
