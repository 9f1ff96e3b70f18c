import type { Pool, PoolClient } from 'pg';
import type DataLoader from 'dataloader';
import { oneBatchAtATime } from '../../src/shared/one-batch-at-a-time.ts';

/** A pool or one of its clients: either can run a statement. */
type Queryable = Pool | PoolClient;

export interface Checkpoint {
  name: string;
  version: number;
  /** Last event applied to the live table; null before the first. */
  position: bigint | null;
  /** The version being built into the shadow table, while a rebuild runs. */
  rebuildVersion: number | null;
  rebuildPosition: bigint | null;
  lastError: string | null;
  failedAt: Date | null;
  updatedAt: Date;
  /** Writes to the live table by others than the runner (replays of parked events): see migration 1763800360000. */
  outsideWrites: string;
}

const toBigInt = (value: string | null) => (value === null ? null : BigInt(value));

function toCheckpoint(row: Record<string, string | number | Date | null>): Checkpoint {
  return {
    name: row.name as string,
    version: Number(row.version),
    position: toBigInt(row.position as string | null),
    rebuildVersion: row.rebuild_version === null ? null : Number(row.rebuild_version),
    rebuildPosition: toBigInt(row.rebuild_position as string | null),
    lastError: row.last_error as string | null,
    failedAt: row.failed_at as Date | null,
    updatedAt: row.updated_at as Date,
    outsideWrites: String(row.outside_writes),
  };
}

/** Per pool: the checkpoint reads of a process's idle runners, which wake on the same tick, share one query. */
const sharedReads = new WeakMap<Pool, DataLoader<string, Checkpoint | undefined>>();

/** The projection_checkpoints table: one row per projection, written in the same transaction as its read model. */
export const checkpoints = {
  async ensure(client: Queryable, name: string, version: number): Promise<Checkpoint> {
    await client.query('INSERT INTO projection_checkpoints (name, version) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, version]);
    return (await this.read(client, name))!;
  },

  async read(client: Queryable, name: string, options: { lock?: boolean } = {}): Promise<Checkpoint | undefined> {
    const result = await client.query(`SELECT * FROM projection_checkpoints WHERE name = $1${options.lock ? ' FOR UPDATE' : ''}`, [name]);
    return result.rows[0] ? toCheckpoint(result.rows[0]) : undefined;
  },

  /** As `read`, sharing a query with the reads of other projections' checkpoints made meanwhile on the same pool. */
  readShared(pool: Pool, name: string): Promise<Checkpoint | undefined> {
    let reads = sharedReads.get(pool);
    if (!reads) {
      reads = oneBatchAtATime<string, Checkpoint | undefined>(async (names) => {
        const rows = (await pool.query('SELECT * FROM projection_checkpoints WHERE name = ANY($1)', [names])).rows.map(toCheckpoint);
        return names.map((wanted) => rows.find((row) => row.name === wanted));
      });
      sharedReads.set(pool, reads);
    }
    return reads.load(name);
  },

  async readAll(client: Queryable): Promise<Checkpoint[]> {
    return (await client.query('SELECT * FROM projection_checkpoints ORDER BY name')).rows.map(toCheckpoint);
  },

  /**
   * Moves the checkpoint to `position`. Given `from` (the checkpoint as its writer last knew it), only if it is
   * still there: the row stays locked to the end of the transaction, and another writer that moved it is told
   * by `false`, in one statement instead of a locking read and an update.
   */
  async advance(client: Queryable, name: string, target: 'live' | 'rebuild', position: bigint, from?: Checkpoint): Promise<boolean> {
    const { text, values } = advanceStatement(name, target, position, from);
    return (await client.query(text, values)).rowCount === 1;
  },

  /** Counts a write to the live table by another than its runner, in the writer's transaction (and locks the row meanwhile). */
  async countOutsideWrite(client: Queryable, name: string): Promise<void> {
    await client.query('UPDATE projection_checkpoints SET outside_writes = outside_writes + 1 WHERE name = $1', [name]);
  },

  async startRebuild(client: PoolClient, name: string, version: number): Promise<void> {
    await client.query(
      'UPDATE projection_checkpoints SET rebuild_version = $2, rebuild_position = NULL, updated_at = now() WHERE name = $1',
      [name, version],
    );
  },

  async finishRebuild(client: PoolClient, name: string): Promise<void> {
    await client.query(
      `UPDATE projection_checkpoints
          SET version = rebuild_version, position = rebuild_position, rebuild_version = NULL, rebuild_position = NULL, updated_at = now()
        WHERE name = $1`,
      [name],
    );
  },

  async recordFailure(client: Queryable, name: string, error: string): Promise<void> {
    await client.query('UPDATE projection_checkpoints SET last_error = $2, failed_at = now(), updated_at = now() WHERE name = $1', [name, error]);
  },
};

/**
 * The UPDATE that `advance` runs, its parameters from $1, for a statement that also writes the batch. Fenced on
 * `from`: the live position and the count of outside writes (rows folded before it were read after both), or
 * the rebuild's position and version.
 */
export function advanceStatement(name: string, target: 'live' | 'rebuild', position: bigint, from?: Checkpoint): { text: string; values: unknown[] } {
  const column = target === 'live' ? 'position' : 'rebuild_position';
  const fenced = !from ? '' : target === 'live' ? ' AND position IS NOT DISTINCT FROM $3 AND outside_writes = $4' : ' AND rebuild_position IS NOT DISTINCT FROM $3 AND rebuild_version IS NOT DISTINCT FROM $4';
  const expected = !from ? [] : target === 'live' ? [from.position?.toString() ?? null, from.outsideWrites] : [from.rebuildPosition?.toString() ?? null, from.rebuildVersion];
  return {
    text: `UPDATE projection_checkpoints SET ${column} = $2, last_error = NULL, failed_at = NULL, updated_at = now() WHERE name = $1${fenced}`,
    values: [name, position.toString(), ...expected],
  };
}
