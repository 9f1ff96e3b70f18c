import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ResolutionList1763800004000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE resolution_list (
        id               uuid        PRIMARY KEY,
        status           text        NOT NULL,
        outcome          text,
        offence_type_id  text        NOT NULL,
        crime_reference  text        NOT NULL,
        offender_name    text        NOT NULL,
        open_remedies    int         NOT NULL,
        next_remedy_due  date,
        proposed_at      timestamptz NOT NULL,
        closed_at        timestamptz,
        revision         int         NOT NULL,
        updated_at       timestamptz NOT NULL,
        state            jsonb       NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX resolution_list_proposed ON resolution_list (proposed_at DESC, id DESC)');
    await queryRunner.query('CREATE INDEX resolution_list_status ON resolution_list (status, proposed_at DESC)');
    await queryRunner.query('CREATE INDEX resolution_list_due ON resolution_list (next_remedy_due) WHERE next_remedy_due IS NOT NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE resolution_list');
  }
}
