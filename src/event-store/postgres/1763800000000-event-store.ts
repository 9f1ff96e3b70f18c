import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The PostgreSQL event store. No sequence: a position is the appending transaction's id shifted
 * left 20 bits plus the event's index in the append, so readers can tell which positions may still
 * appear (those of transactions not yet finished) and never skip one (see postgres-event-store.ts).
 */
export class EventStore1763800000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE events (
        position       bigint      PRIMARY KEY,
        stream         text        NOT NULL,
        revision       int         NOT NULL,
        event_id       uuid        NOT NULL,
        type           text        NOT NULL,
        schema_version int         NOT NULL,
        data           jsonb       NOT NULL,
        metadata       jsonb       NOT NULL,
        recorded_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT events_stream_revision UNIQUE (stream, revision),
        CONSTRAINT events_event_id UNIQUE (event_id)
      )`);
    await queryRunner.query('CREATE INDEX events_type_position ON events (type, position)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE events');
  }
}
