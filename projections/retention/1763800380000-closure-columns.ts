import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When and why each case closed, as columns the disposal review reads by index (closure first, then id: its order
 * and its pages), rather than the JSON state of every case (6.6 s at a million referrals, over the statement timeout).
 * resolution_list already had `closed_at` and its outcome; a complaint closes at its withdrawal or at the decision on
 * its review, and its reason is then a code (`withdrawn`, `discontinued-repetitive`, `review-decided`), never the
 * withdrawal's free text. Existing rows are filled here from their state, as the list projections now write them.
 */
export class ClosureColumns1763800380000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE referral_list ADD COLUMN closed_at timestamptz');
    await queryRunner.query(`UPDATE referral_list SET closed_at = (state->'closure'->>'at')::timestamptz WHERE jsonb_typeof(state->'closure') = 'object'`);
    await queryRunner.query('ALTER TABLE complaint_list ADD COLUMN closed_at timestamptz, ADD COLUMN closure_reason text');
    await queryRunner.query(`
      UPDATE complaint_list SET
        closed_at = coalesce(state->'withdrawal'->>'at', state->'review'->'decision'->>'at')::timestamptz,
        closure_reason = CASE
          WHEN jsonb_typeof(state->'withdrawal') <> 'object' THEN 'review-decided'
          WHEN state->'withdrawal'->>'repetitiveOf' IS NOT NULL THEN 'discontinued-repetitive'
          ELSE 'withdrawn' END
      WHERE jsonb_typeof(state->'withdrawal') = 'object' OR jsonb_typeof(state->'review'->'decision') = 'object'`);
    for (const table of ['referral_list', 'complaint_list', 'resolution_list']) {
      await queryRunner.query(`CREATE INDEX ${table}_closed ON ${table} (closed_at, id) WHERE closed_at IS NOT NULL`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['referral_list', 'complaint_list', 'resolution_list']) await queryRunner.query(`DROP INDEX ${table}_closed`);
    await queryRunner.query('ALTER TABLE complaint_list DROP COLUMN closed_at, DROP COLUMN closure_reason');
    await queryRunner.query('ALTER TABLE referral_list DROP COLUMN closed_at');
  }
}
