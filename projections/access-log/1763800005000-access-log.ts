import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AccessLog1763800005000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE access_log (
        id        uuid        PRIMARY KEY,
        at        timestamptz NOT NULL,
        user_sub  text        NOT NULL,
        roles     jsonb       NOT NULL,
        case_ids  jsonb       NOT NULL,
        method    text        NOT NULL,
        route     text        NOT NULL,
        purpose   text        NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX access_log_at ON access_log (at DESC, id DESC)');
    await queryRunner.query('CREATE INDEX access_log_user ON access_log (user_sub, at DESC)');
    await queryRunner.query('CREATE INDEX access_log_cases ON access_log USING gin (case_ids jsonb_path_ops)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE access_log');
  }
}
