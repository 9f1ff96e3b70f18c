import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The lists a team works from, newest first at a million referrals: the unassigned cases, one crime type,
 * the delayed police referrals (few of each kind among all), and a crime reference looked up exactly. A
 * `dueBy` list needs none: it reads the front of `referral_list_owing_due`.
 */
export class ReferralListTeamLists1763800250000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX referral_list_unassigned ON referral_list (received_at DESC, id DESC) WHERE case_manager IS NULL');
    await queryRunner.query('CREATE INDEX referral_list_crime_type ON referral_list (crime_type_id, received_at DESC, id DESC)');
    await queryRunner.query(`CREATE INDEX referral_list_police_delayed ON referral_list (received_at DESC, id DESC) WHERE source = 'police' AND report_to_referral_working_days IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX referral_list_crime_reference ON referral_list ((state->>'crimeReference')) WHERE state->>'crimeReference' IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const index of ['crime_reference', 'police_delayed', 'crime_type', 'unassigned']) await queryRunner.query(`DROP INDEX referral_list_${index}`);
  }
}
