import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where the complaints' running working-day clocks started (first contact owed, the outcome not yet told): when an
 * administrator adds or retires a bank holiday, the projector finds by these the complaints whose clocks span it.
 */
export class ComplaintListClockStarts1763800330100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX complaint_list_contact_due_from ON complaint_list (contact_due_from) WHERE contact_due_from IS NOT NULL');
    await queryRunner.query('CREATE INDEX complaint_list_notify_due_from ON complaint_list (notify_due_from) WHERE notify_due_from IS NOT NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX complaint_list_notify_due_from');
    await queryRunner.query('DROP INDEX complaint_list_contact_due_from');
  }
}
