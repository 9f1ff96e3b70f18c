import type { Pool } from 'pg';
import type { EventCatalog } from '../../src/event-store/event-catalog.ts';
import type { EventStore } from '../../src/event-store/event-store.port.ts';
import { applyBatch } from './apply-batch.ts';
import { checkpoints } from './checkpoint-store.ts';
import { failureMessage, isEventFailure } from './event-failure.ts';
import { parkedEvents } from './parked-events.ts';
import type { Projection } from './projection.ts';
import { inTransaction } from './transaction.ts';

export type ReplayOutcome = { position: string; replayed: true } | { position: string; replayed: false; error: string };

/**
 * Applies a parked event through the projection's current code to its row as the row stands now, and records
 * it replayed (`by` whom); if it fails again it stays parked with the new error. Undefined when the event is not parked. The
 * checkpoint row is locked meanwhile, as the runner's batches lock it, so no batch or swap interleaves.
 */
export async function replayParkedEvent(
  pool: Pool,
  source: EventStore,
  catalog: EventCatalog,
  projection: Projection,
  position: bigint,
  by: string,
): Promise<ReplayOutcome | undefined> {
  const parked = await parkedEvents.find(pool, projection.name, position);
  if (!parked) return undefined;
  const [event] = await source.readStream(parked.stream, { from: parked.revision, maxCount: 1 });
  if (event?.position !== position) throw new Error(`The event parked at position ${position} is not at ${parked.stream} #${parked.revision}`);
  const client = await pool.connect();
  try {
    return await inTransaction(client, async () => {
      // Counted, so a runner's batch folded before this commits does not write over it (and the row lock orders the two).
      await checkpoints.countOutsideWrite(client, projection.name);
      // Replayed by someone else meanwhile: applying it again would count it twice.
      if (!(await parkedEvents.find(client, projection.name, position))) return undefined;
      await applyBatch(client, projection, projection.table, [event], { catalog, source });
      await parkedEvents.replayed(client, projection.name, position, by);
      return { position: position.toString(), replayed: true as const };
    });
  } catch (error) {
    if (!isEventFailure(error)) throw error;
    const message = failureMessage(error, event);
    await parkedEvents.failedAgain(client, projection.name, position, message);
    return { position: position.toString(), replayed: false, error: message };
  } finally {
    client.release();
  }
}
