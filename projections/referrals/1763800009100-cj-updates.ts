import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One row per criminal-justice development a victim must hear of: the Victims' Code clock, for reports. */
export class CjUpdates1763800009100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE cj_updates (
        id          uuid    PRIMARY KEY,
        referral_id uuid    NOT NULL,
        learned_on  date    NOT NULL,
        due_by      date    NOT NULL,
        told_on     date,
        on_time     boolean
      )`);
    await queryRunner.query('CREATE INDEX cj_updates_learned_on ON cj_updates (learned_on)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE cj_updates');
  }
}
