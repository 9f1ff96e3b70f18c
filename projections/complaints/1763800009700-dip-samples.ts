import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The dip samples drawn, so an auditor can read one back by the id its draw answered with. */
export class DipSamples1763800009700 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE dip_samples (
        id              uuid        PRIMARY KEY,
        seed            text        NOT NULL,
        from_day        date        NOT NULL,
        to_day          date        NOT NULL,
        size            int         NOT NULL,
        population_size int         NOT NULL,
        complaint_ids   uuid[]      NOT NULL,
        drawn_at        timestamptz NOT NULL,
        drawn_by        text        NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE dip_samples');
  }
}
