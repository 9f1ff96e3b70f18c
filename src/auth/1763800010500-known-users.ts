import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The users verified tokens have named, with the roles of the latest one: whom a case may be assigned to. */
export class KnownUsers1763800010500 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE known_users (
        user_id       text        PRIMARY KEY,
        roles         text[]      NOT NULL,
        first_seen_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at  timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE known_users');
  }
}
