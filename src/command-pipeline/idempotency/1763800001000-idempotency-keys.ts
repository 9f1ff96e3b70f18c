import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IdempotencyKeys1763800001000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE idempotency_keys (
        owner        text        NOT NULL,
        key          uuid        NOT NULL,
        fingerprint  text        NOT NULL,
        claimed_at   timestamptz NOT NULL DEFAULT now(),
        status       int,
        headers      jsonb,
        body         jsonb,
        PRIMARY KEY (owner, key)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE idempotency_keys');
  }
}
