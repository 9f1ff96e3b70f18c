import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Enough of the proposal for the list to tell the entitlement from receipt, as the page does: whether the
 * referral was assessed, and whether the victim's age at the offence alone proposes a group (the crime type's
 * group is read from the crime types as configured when the list is asked).
 */
export class ReferralListProposal1763800211000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE referral_list ADD COLUMN assessed boolean NOT NULL DEFAULT false, ADD COLUMN proposed_by_age boolean NOT NULL DEFAULT false');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE referral_list DROP COLUMN proposed_by_age, DROP COLUMN assessed');
  }
}
