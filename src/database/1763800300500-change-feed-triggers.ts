import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CHANGES_CHANNEL } from './change-feed.ts';

/**
 * Announces, as it commits, each change that processes' caches hold (see ChangeFeed): a data subject's key
 * erased or restricted (`subject <id>`), and an event appended to a stream whose fold is kept in memory, a
 * case's restriction or the settings (`stream <name>`). Inside the writing transaction, so no writer can skip it.
 */
export class ChangeFeedTriggers1763800300500 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION casework_subject_key_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${CHANGES_CHANNEL}', 'subject ' || NEW.subject_id);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER data_subject_key_changed AFTER UPDATE ON data_subject_keys FOR EACH ROW
        WHEN (OLD.wrapped_key IS DISTINCT FROM NEW.wrapped_key OR OLD.restricted IS DISTINCT FROM NEW.restricted)
        EXECUTE FUNCTION casework_subject_key_changed()`);
    await queryRunner.query(`
      CREATE FUNCTION casework_cached_stream_appended() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('${CHANGES_CHANNEL}', 'stream ' || NEW.stream);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER cached_stream_appended AFTER INSERT ON events FOR EACH ROW
        WHEN (NEW.stream = 'settings' OR NEW.stream LIKE 'case-access-%')
        EXECUTE FUNCTION casework_cached_stream_appended()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER cached_stream_appended ON events');
    await queryRunner.query('DROP FUNCTION casework_cached_stream_appended()');
    await queryRunner.query('DROP TRIGGER data_subject_key_changed ON data_subject_keys');
    await queryRunner.query('DROP FUNCTION casework_subject_key_changed()');
  }
}
