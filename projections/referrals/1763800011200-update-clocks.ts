import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where a criminal-justice update's clock starts and which one runs, so lists and reports compute its due
 * date on the calendar as it stands (referral-list version 6, cj-updates version 2 fill them).
 */
export class UpdateClocks1763800011200 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE referral_list ADD COLUMN next_update_learned_on date, ADD COLUMN next_update_enhanced boolean');
    await queryRunner.query('ALTER TABLE cj_updates ADD COLUMN enhanced_when_learned boolean NOT NULL DEFAULT false');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE cj_updates DROP COLUMN enhanced_when_learned');
    await queryRunner.query('ALTER TABLE referral_list DROP COLUMN next_update_enhanced, DROP COLUMN next_update_learned_on');
  }
}
