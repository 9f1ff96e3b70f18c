import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ComplaintList1763800003000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE complaint_list (
        id               uuid        PRIMARY KEY,
        reference        text        NOT NULL,
        stage            text        NOT NULL,
        route            text        NOT NULL,
        categories       text[]      NOT NULL,
        complainant_name text        NOT NULL,
        next_due         date,
        received_at      timestamptz NOT NULL,
        revision         int         NOT NULL,
        updated_at       timestamptz NOT NULL,
        state            jsonb       NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX complaint_list_due ON complaint_list ((coalesce(next_due, 'infinity'::date)), id)`);
    await queryRunner.query('CREATE INDEX complaint_list_received ON complaint_list (received_at)');
    await queryRunner.query('CREATE INDEX complaint_list_categories ON complaint_list USING gin (categories)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE complaint_list');
  }
}
