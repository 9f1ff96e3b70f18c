import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProjectionCheckpoints1763800001500 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE projection_checkpoints (
        name             text        PRIMARY KEY,
        version          int         NOT NULL,
        position         bigint,
        rebuild_version  int,
        rebuild_position bigint,
        last_error       text,
        failed_at        timestamptz,
        updated_at       timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE projection_checkpoints');
  }
}
