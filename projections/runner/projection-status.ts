import type { Pool } from 'pg';
import type { EventStore } from '../../src/event-store/event-store.port.ts';
import { checkpoints, type Checkpoint } from './checkpoint-store.ts';
import { parkedEvents } from './parked-events.ts';
import type { Projection } from './projection.ts';

/** Counting lag past this would make the admin route itself slow on a far-behind projection. */
export const LAG_COUNT_LIMIT = 10_000;

export interface ProjectionStatus {
  name: string;
  version: number;
  state: 'live' | 'rebuilding' | 'failed' | 'not-started';
  checkpoint: string | null;
  headPosition: string | null;
  lag: { events: number; eventsCapped: boolean; seconds: number };
  rebuild: { version: number; position: string | null } | null;
  lastError: string | null;
  failedAt: string | null;
  /** Events it went past because it could not apply them, until they are replayed. */
  parked: number;
}

/** What operators see: each projection's version, checkpoint, head, lag, state and last error. */
export async function projectionStatuses(pool: Pool, store: EventStore, projections: readonly Projection[]): Promise<ProjectionStatus[]> {
  const stored = new Map((await checkpoints.readAll(pool)).map((checkpoint) => [checkpoint.name, checkpoint]));
  const head = await store.headPosition();
  const parked = await parkedEvents.counts(pool);
  return Promise.all(projections.map((projection) => statusOf(projection, stored.get(projection.name), head, store, parked.get(projection.name) ?? 0)));
}

async function statusOf(projection: Projection, checkpoint: Checkpoint | undefined, head: bigint | undefined, store: EventStore, parked: number): Promise<ProjectionStatus> {
  const { events: pending, more } = await store.readTail({ after: checkpoint?.position ?? undefined, maxCount: LAG_COUNT_LIMIT, eventTypes: projection.eventTypes });
  const oldestPending = pending[0]?.recordedAt;
  return {
    name: projection.name,
    version: checkpoint?.version ?? projection.version,
    state: !checkpoint ? 'not-started' : checkpoint.lastError ? 'failed' : checkpoint.rebuildVersion !== null ? 'rebuilding' : 'live',
    checkpoint: checkpoint?.position?.toString() ?? null,
    headPosition: head?.toString() ?? null,
    lag: {
      events: pending.length,
      eventsCapped: more,
      seconds: oldestPending ? Math.max(0, (Date.now() - oldestPending.getTime()) / 1000) : 0,
    },
    rebuild: checkpoint?.rebuildVersion != null ? { version: checkpoint.rebuildVersion, position: checkpoint.rebuildPosition?.toString() ?? null } : null,
    lastError: checkpoint?.lastError ?? null,
    failedAt: checkpoint?.failedAt?.toISOString() ?? null,
    parked,
  };
}

/**
 * Read-your-writes: the read model reflects every event up to `position` when its checkpoint has
 * passed it, or when no event of its types lies between the checkpoint and that (visible) position.
 */
export async function hasProjected(pool: Pool, store: EventStore, projection: Projection, position: bigint): Promise<boolean> {
  const result = await pool.query('SELECT position FROM projection_checkpoints WHERE name = $1', [projection.name]);
  const checkpoint = result.rows[0]?.position == null ? undefined : BigInt(result.rows[0].position);
  if (checkpoint !== undefined && checkpoint >= position) return true;
  const head = await store.headPosition();
  if (head === undefined || head < position) return false;
  const { events: [next], scannedTo, more } = await store.readTail({ after: checkpoint, maxCount: 1, eventTypes: projection.eventTypes });
  if (next !== undefined) return next.position > position;
  return !more || (scannedTo !== undefined && scannedTo >= position);
}
