import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Signed digests over the global log, so a rewritten or truncated history is caught even when its chains were recomputed. */
export class IntegrityCheckpoints1763800007000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE integrity_checkpoints (
        position    bigint      PRIMARY KEY,
        events      bigint      NOT NULL,
        digest      text        NOT NULL,
        signature   text        NOT NULL,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE integrity_checkpoints');
  }
}
