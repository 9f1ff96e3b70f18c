import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether an erased key's `PersonalDataErased` record is known to be written. Each start looks for erasures
 * interrupted between the key and the record among the keys not marked, by this partial index, instead of reading
 * every erased key and its stream (a scan of every key, over the statement timeout at a million referrals, and
 * a stream read per erasure ever made). Keys erased before this migration are checked once, on the next start.
 */
export class ErasureRecorded1763800380100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE data_subject_keys ADD COLUMN erasure_recorded boolean NOT NULL DEFAULT false');
    await queryRunner.query('CREATE INDEX data_subject_keys_erasure_unrecorded ON data_subject_keys (subject_id) WHERE wrapped_key IS NULL AND NOT erasure_recorded');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX data_subject_keys_erasure_unrecorded');
    await queryRunner.query('ALTER TABLE data_subject_keys DROP COLUMN erasure_recorded');
  }
}
