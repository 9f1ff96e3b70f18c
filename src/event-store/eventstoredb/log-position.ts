import type { Position } from '@kurrent/kurrentdb-client';

/**
 * The port's position is the event's own log position (byte offset in the transaction file).
 *
 * $all positions are (commit, prepare) pairs. Every gRPC append is written as contiguous,
 * self-committed prepare records, one per event, and the $all reader reports each at
 * (its log position, its log position): the events of one multi-event append do not share a commit
 * position, and the append result is the last event's pair. So one number per event is unique,
 * strictly increasing in $all order, and a valid place to resume reading. (KurrentDB sources:
 * StorageWriterService.WritePrepares, AllReader, ResolvedEvent; RequestManagerBase, StorageChaser.)
 *
 * Only legacy TCP explicit transactions give commit ≠ prepare. Casework never writes them and
 * refuses to read them rather than misorder them.
 */
export function toStorePosition(position: Position | undefined, eventId: string): bigint {
  if (!position || position.commit !== position.prepare || position.commit < 0n || position.commit > MAX_STORE_POSITION) {
    throw new UnsupportedLogPosition(eventId, position);
  }
  return position.commit;
}

/** Reading $all from this position includes the event at it; callers skip that event themselves. */
export function toClientPosition(position: bigint): Position {
  return { commit: position, prepare: position };
}

/** Positions are kept in PostgreSQL `bigint` checkpoints; the server's own positions are signed 64-bit too. */
const MAX_STORE_POSITION = 2n ** 63n - 1n;

export class UnsupportedLogPosition extends Error {
  override readonly name = 'UnsupportedLogPosition';

  constructor(eventId: string, position: Position | undefined) {
    // Servers before 22.6 send no position on stream reads; gRPC carries that as the unsigned maximum.
    super(
      !position || position.commit > MAX_STORE_POSITION
        ? `Event ${eventId} came without a log position: EventStoreDB 22.6 or newer is required`
        : `Event ${eventId} is at commit ${position.commit}, prepare ${position.prepare}: not a single-event log position (legacy explicit transaction?)`,
    );
  }
}
