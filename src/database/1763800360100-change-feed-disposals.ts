import type { MigrationInterface, QueryRunner } from 'typeorm';

const trigger = (streams: string) => `
  CREATE TRIGGER cached_stream_appended AFTER INSERT ON events FOR EACH ROW
    WHEN (${streams})
    EXECUTE FUNCTION casework_cached_stream_appended()`;
const BEFORE = "NEW.stream = 'settings' OR NEW.stream LIKE 'case-access-%'";

/**
 * The change feed also announces appends to a case's disposal certificate, so a process keeps whether a case
 * was disposed of in memory and a command need not read the certificate's stream each time (issue 23).
 */
export class ChangeFeedDisposals1763800360100 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER cached_stream_appended ON events');
    await queryRunner.query(trigger(`${BEFORE} OR NEW.stream LIKE 'disposal-%'`));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER cached_stream_appended ON events');
    await queryRunner.query(trigger(BEFORE));
  }
}
