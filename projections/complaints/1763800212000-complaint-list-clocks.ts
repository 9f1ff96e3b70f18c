import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Where each complaint's working-day clocks started, so the list reads its due dates on the calendar as it stands. */
export class ComplaintListClocks1763800212000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE complaint_list ADD COLUMN contact_due_from date, ADD COLUMN notify_due_from date, ADD COLUMN fixed_due date');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE complaint_list DROP COLUMN fixed_due, DROP COLUMN notify_due_from, DROP COLUMN contact_due_from');
  }
}
