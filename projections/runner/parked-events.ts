import type { Pool, PoolClient } from 'pg';
import type { RecordedEvent } from '../../src/event-store/event-store.port.ts';

type Queryable = Pool | PoolClient;
export type ParkTarget = 'live' | 'rebuild';

/** An event a projection went past because it could not apply it; what an administrator or auditor sees. */
export interface ParkedEvent {
  position: string;
  stream: string;
  revision: number;
  eventId: string;
  type: string;
  /** The handler's error, with any value of the event's data it quoted withheld. */
  error: string;
  attempts: number;
  parkedAt: string;
  lastAttemptAt: string;
  /** Set once a replay applied it: it is no longer parked, and this is the record of it. */
  replayedAt: string | null;
  replayedBy: string | null;
}

interface ParkedRow {
  position: string;
  stream: string;
  revision: number;
  event_id: string;
  event_type: string;
  error: string;
  attempts: number;
  parked_at: Date;
  last_attempt_at: Date;
  replayed_at: Date | null;
  replayed_by: string | null;
}

const COLUMNS = 'position::text, stream, revision, event_id, event_type, error, attempts, parked_at, last_attempt_at, replayed_at, replayed_by';
/** Rows of events still parked: not replayed, and of the live table. */
const PARKED = "target = 'live' AND replayed_at IS NULL";

const toParked = (row: ParkedRow): ParkedEvent => ({
  position: row.position,
  stream: row.stream,
  revision: row.revision,
  eventId: row.event_id,
  type: row.event_type,
  error: row.error,
  attempts: row.attempts,
  parkedAt: row.parked_at.toISOString(),
  lastAttemptAt: row.last_attempt_at.toISOString(),
  replayedAt: row.replayed_at?.toISOString() ?? null,
  replayedBy: row.replayed_by,
});

/**
 * The projection_parked_events table. A rebuild parks what it cannot apply under `rebuild`, and those rows
 * replace the live ones still parked when its table is swapped in: they are what the new version went past.
 */
export const parkedEvents = {
  async park(client: Queryable, projection: string, target: ParkTarget, event: RecordedEvent, error: string, attempts: number): Promise<void> {
    await client.query(
      `INSERT INTO projection_parked_events (projection, target, position, stream, revision, event_id, event_type, error, attempts)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (projection, target, position) DO UPDATE
         SET error = EXCLUDED.error, attempts = projection_parked_events.attempts + EXCLUDED.attempts, last_attempt_at = now(), replayed_at = NULL, replayed_by = NULL`,
      [projection, target, event.position.toString(), event.stream, event.revision, event.id, event.type, error, attempts],
    );
  },

  /** The events still parked, oldest first; with `replayed`, those replayed since too. */
  async list(client: Queryable, projection: string, options: { replayed?: boolean } = {}): Promise<ParkedEvent[]> {
    const which = options.replayed ? "target = 'live'" : PARKED;
    const result = await client.query<ParkedRow>(`SELECT ${COLUMNS} FROM projection_parked_events WHERE projection = $1 AND ${which} ORDER BY position`, [projection]);
    return result.rows.map(toParked);
  },

  /** How many events each projection's live table went past; projections with none are left out. */
  async counts(client: Queryable): Promise<Map<string, number>> {
    const result = await client.query<{ projection: string; count: number }>(
      `SELECT projection, count(*)::int AS count FROM projection_parked_events WHERE ${PARKED} GROUP BY projection ORDER BY projection`,
    );
    return new Map(result.rows.map((row) => [row.projection, row.count]));
  },

  async find(client: Queryable, projection: string, position: bigint): Promise<ParkedEvent | undefined> {
    const result = await client.query<ParkedRow>(`SELECT ${COLUMNS} FROM projection_parked_events WHERE projection = $1 AND ${PARKED} AND position = $2`, [projection, position.toString()]);
    return result.rows[0] && toParked(result.rows[0]);
  },

  async replayed(client: Queryable, projection: string, position: bigint, by: string): Promise<void> {
    await client.query(`UPDATE projection_parked_events SET replayed_at = now(), replayed_by = $3 WHERE projection = $1 AND ${PARKED} AND position = $2`, [
      projection,
      position.toString(),
      by,
    ]);
  },

  async failedAgain(client: Queryable, projection: string, position: bigint, error: string): Promise<void> {
    await client.query(
      `UPDATE projection_parked_events SET error = $3, attempts = attempts + 1, last_attempt_at = now() WHERE projection = $1 AND ${PARKED} AND position = $2`,
      [projection, position.toString(), error],
    );
  },

  /** A rebuild starting from the first event forgets what an earlier attempt at it parked. */
  async forgetRebuild(client: Queryable, projection: string): Promise<void> {
    await client.query(`DELETE FROM projection_parked_events WHERE projection = $1 AND target = 'rebuild'`, [projection]);
  },

  /**
   * In the swap's transaction: the rebuilt table's parked events become the live ones. The records of replays
   * stay, but for an event the rebuild parked again: its new row is what holds now.
   */
  async swapRebuild(client: Queryable, projection: string): Promise<void> {
    await client.query(
      `DELETE FROM projection_parked_events live WHERE live.projection = $1 AND live.target = 'live'
          AND (live.replayed_at IS NULL OR EXISTS (SELECT 1 FROM projection_parked_events again
                WHERE again.projection = live.projection AND again.target = 'rebuild' AND again.position = live.position))`,
      [projection],
    );
    await client.query(`UPDATE projection_parked_events SET target = 'live' WHERE projection = $1 AND target = 'rebuild'`, [projection]);
  },
};
