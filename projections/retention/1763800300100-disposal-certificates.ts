import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Every case disposed of under the retention schedule, with its certificate: ids, codes and dates only. */
export class DisposalCertificates1763800300100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE disposal_certificates (
        id             uuid        PRIMARY KEY,
        case_kind      text        NOT NULL,
        closed_at      timestamptz NOT NULL,
        closure_reason text,
        due_on         date        NOT NULL,
        rule           jsonb       NOT NULL,
        subject_ids    text[]      NOT NULL,
        disposed_by    text        NOT NULL,
        disposed_at    timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX disposal_certificates_disposed ON disposal_certificates (disposed_at DESC, id DESC)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE disposal_certificates');
  }
}
