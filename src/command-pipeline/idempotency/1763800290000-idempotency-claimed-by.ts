import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Which process claimed a key, so that process can free a claim its own ended request left behind. */
export class IdempotencyClaimedBy1763800290000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE idempotency_keys ADD COLUMN claimed_by uuid');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE idempotency_keys DROP COLUMN claimed_by');
  }
}
