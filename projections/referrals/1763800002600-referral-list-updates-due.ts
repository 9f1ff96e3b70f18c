import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The earliest criminal-justice update still owed to the victim (referral-list version 2 fills it). */
export class ReferralListUpdatesDue1763800002600 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE referral_list ADD COLUMN next_update_due date');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE referral_list DROP COLUMN next_update_due');
  }
}
