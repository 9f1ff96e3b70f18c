import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The event store position each dip sample's population was read at (version 2 of the projection fills it). */
export class DipSamplesReadAt1763800011520 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE dip_samples ADD COLUMN read_at_position bigint');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE dip_samples DROP COLUMN read_at_position');
  }
}
