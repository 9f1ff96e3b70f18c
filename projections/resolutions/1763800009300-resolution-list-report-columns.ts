import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Community Resolutions report's figures as columns of resolution_list (filled by resolution-list
 * version 2): the day proposed, the victims' consultation, each remedy's type, choice and status (arrays in
 * the order agreed) and the totals, so a period is aggregated from one narrow index instead of every
 * resolution's folded state. Existing rows are filled here from their state, so the report is right
 * before the rebuild swaps in.
 */
export class ResolutionListReportColumns1763800009300 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE resolution_list
        ADD COLUMN proposed_day        date,
        ADD COLUMN has_victims         boolean   NOT NULL DEFAULT false,
        ADD COLUMN victims_consulted   boolean   NOT NULL DEFAULT false,
        ADD COLUMN remedy_types        text[]    NOT NULL DEFAULT '{}',
        ADD COLUMN remedy_chosen       boolean[] NOT NULL DEFAULT '{}',
        ADD COLUMN remedy_statuses     text[]    NOT NULL DEFAULT '{}',
        ADD COLUMN remedies_overridden int       NOT NULL DEFAULT 0,
        ADD COLUMN hours_agreed        numeric   NOT NULL DEFAULT 0,
        ADD COLUMN hours_done          numeric   NOT NULL DEFAULT 0,
        ADD COLUMN amount_agreed       bigint    NOT NULL DEFAULT 0,
        ADD COLUMN amount_paid         bigint    NOT NULL DEFAULT 0`);
    await queryRunner.query(`
      UPDATE resolution_list SET
        proposed_day = (proposed_at AT TIME ZONE 'Europe/London')::date,
        has_victims = jsonb_array_length(state->'victims') > 0,
        victims_consulted = jsonb_array_length(state->'victims') > 0 AND NOT jsonb_path_exists(state, '$.victims[*] ? (@.consulted == false)'),
        remedy_types = ARRAY(SELECT r->>'remedyType' FROM jsonb_array_elements(state->'remedies') WITH ORDINALITY AS a(r, n) ORDER BY n),
        remedy_chosen = ARRAY(SELECT (r->>'chosenByVictim')::boolean FROM jsonb_array_elements(state->'remedies') WITH ORDINALITY AS a(r, n) ORDER BY n),
        remedy_statuses = ARRAY(SELECT r->>'status' FROM jsonb_array_elements(state->'remedies') WITH ORDINALITY AS a(r, n) ORDER BY n),
        remedies_overridden = (SELECT count(*) FROM jsonb_array_elements(state->'remedies') AS r WHERE r->>'overrideReason' IS NOT NULL),
        hours_agreed = (SELECT coalesce(sum((r->>'hours')::numeric), 0) FROM jsonb_array_elements(state->'remedies') AS r),
        hours_done = (SELECT coalesce(sum((r->>'hoursDone')::numeric), 0) FROM jsonb_array_elements(state->'remedies') AS r),
        amount_agreed = (SELECT coalesce(sum((r->>'amount')::bigint), 0) FROM jsonb_array_elements(state->'remedies') AS r),
        amount_paid = (SELECT coalesce(sum((r->>'amountPaid')::bigint), 0) FROM jsonb_array_elements(state->'remedies') AS r)`);
    await queryRunner.query('ALTER TABLE resolution_list ALTER COLUMN proposed_day SET NOT NULL');
    // Every column the report reads, so a period is an index-only scan of this index.
    await queryRunner.query(`
      CREATE INDEX resolution_list_report ON resolution_list (proposed_day)
        INCLUDE (offence_type_id, outcome, has_victims, victims_consulted, remedies_overridden,
                 hours_agreed, hours_done, amount_agreed, amount_paid, remedy_types, remedy_chosen, remedy_statuses)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX resolution_list_report');
    await queryRunner.query(`
      ALTER TABLE resolution_list
        DROP COLUMN proposed_day, DROP COLUMN has_victims, DROP COLUMN victims_consulted, DROP COLUMN remedy_types,
        DROP COLUMN remedy_chosen, DROP COLUMN remedy_statuses, DROP COLUMN remedies_overridden, DROP COLUMN hours_agreed,
        DROP COLUMN hours_done, DROP COLUMN amount_agreed, DROP COLUMN amount_paid`);
  }
}
