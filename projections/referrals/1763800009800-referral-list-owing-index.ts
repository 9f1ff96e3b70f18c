import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What is due first among the referrals that owe a contact or an update, across case managers: an
 * overdue list starts at the front of this index (a few percent of a long-running service's referrals)
 * instead of filtering every closed referral on the way.
 */
export class ReferralListOwingIndex1763800009800 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX referral_list_owing_due ON referral_list (
        least(coalesce(next_contact_due, 'infinity'), coalesce(((next_update_due + 1)::timestamp AT TIME ZONE 'Europe/London'), 'infinity')),
        id)
        WHERE next_contact_due IS NOT NULL OR next_update_due IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX referral_list_owing_due');
  }
}
