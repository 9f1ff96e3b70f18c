import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A count of writes to a live read model made by anything but its runner's batches (a parked event replayed).
 * The runner folds a batch's rows before the one statement that writes them and advances the checkpoint, and
 * that statement writes only if the count is still the one the runner knew: a replay in between is not lost.
 */
export class CheckpointOutsideWrites1763800360000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE projection_checkpoints ADD COLUMN outside_writes bigint NOT NULL DEFAULT 0');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE projection_checkpoints DROP COLUMN outside_writes');
  }
}
