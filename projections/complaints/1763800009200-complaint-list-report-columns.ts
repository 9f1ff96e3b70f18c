import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The complaints report's figures as columns of complaint_list (filled by complaint-list version 3), so a
 * period is aggregated by PostgreSQL from one narrow index instead of every complaint's folded state in Node.
 * Existing rows are filled here from their state, so the report is right before the rebuild swaps in.
 */
export class ComplaintListReportColumns1763800009200 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE complaint_list
        ADD COLUMN received_day               date,
        ADD COLUMN allegation_categories      text[]  NOT NULL DEFAULT '{}',
        ADD COLUMN recording_reason           text,
        ADD COLUMN handled_outside_schedule_3 boolean NOT NULL DEFAULT false,
        ADD COLUMN withdrawn                  boolean NOT NULL DEFAULT false,
        ADD COLUMN contact_working_days       int,
        ADD COLUMN finalised_day              date,
        ADD COLUMN review_body                text,
        ADD COLUMN review_decided             boolean NOT NULL DEFAULT false,
        ADD COLUMN review_upheld              boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`
      UPDATE complaint_list SET
        received_day = (received_at AT TIME ZONE 'Europe/London')::date,
        allegation_categories = ARRAY(
          SELECT allegation->>'category' FROM jsonb_array_elements(state->'allegations') WITH ORDINALITY AS a(allegation, n) ORDER BY n),
        recording_reason = state->'recording'->>'reason',
        handled_outside_schedule_3 = state->>'handlingStartedAt' IS NOT NULL,
        withdrawn = coalesce(jsonb_typeof(state->'withdrawal') = 'object', false),
        contact_working_days = (state->'contact'->>'workingDaysFromReceipt')::int,
        finalised_day = CASE
          WHEN jsonb_typeof(state->'withdrawal') = 'object' THEN NULL
          WHEN route = 'recorded' THEN ((state->'outcome'->>'decidedAt')::timestamptz AT TIME ZONE 'Europe/London')::date
          ELSE ((state->'resolution'->>'at')::timestamptz AT TIME ZONE 'Europe/London')::date
        END,
        review_body = state->'review'->>'body',
        review_decided = coalesce(jsonb_typeof(state->'review'->'decision') = 'object', false),
        review_upheld = coalesce((state->'review'->'decision'->>'upheld')::boolean, false)`);
    await queryRunner.query('ALTER TABLE complaint_list ALTER COLUMN received_day SET NOT NULL');
    // Every column the report reads, so a period is an index-only scan of this index.
    await queryRunner.query(`
      CREATE INDEX complaint_list_report ON complaint_list (received_day)
        INCLUDE (recording_reason, handled_outside_schedule_3, withdrawn, contact_working_days, finalised_day,
                 review_body, review_decided, review_upheld, allegation_categories)`);
    // Only the report filtered on the expression; the column replaces it.
    await queryRunner.query('DROP INDEX complaint_list_received_day');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX complaint_list_received_day ON complaint_list (((received_at AT TIME ZONE 'Europe/London')::date))`);
    await queryRunner.query('DROP INDEX complaint_list_report');
    await queryRunner.query(`
      ALTER TABLE complaint_list
        DROP COLUMN received_day, DROP COLUMN allegation_categories, DROP COLUMN recording_reason,
        DROP COLUMN handled_outside_schedule_3, DROP COLUMN withdrawn, DROP COLUMN contact_working_days,
        DROP COLUMN finalised_day, DROP COLUMN review_body, DROP COLUMN review_decided, DROP COLUMN review_upheld`);
  }
}
