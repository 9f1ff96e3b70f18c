import type { Position } from '@kurrent/kurrentdb-client';

/**
 * The port's position is the event's log position in the transaction file.
 *
 * EventStoreDB/KurrentDB names a place in $all by (commit, prepare). Every append through the gRPC
 * API is written as an implicit transaction of self-committed prepare records, one per event, laid
 * down contiguously by the single writer; the $all reader reports each such event at
 * (its own log position, its own log position) — the events of one multi-event append do NOT share
 * a commit position — and the append result carries the position of the last event written
 * (KurrentDB AllReader / StorageChaser / RequestManager sources; Go client issue #88). So one
 * number per event is strictly increasing in $all order and is itself a readable position.
 *
 * Only events written by legacy TCP explicit transactions have commit ≠ prepare (and no position
 * when read from a stream); Casework never writes those, and refuses to read them rather than
 * misorder them.
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
