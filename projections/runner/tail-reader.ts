import type { EventStore, RecordedEvent, TailRead } from '../../src/event-store/event-store.port.ts';
import { oneBatchAtATime } from '../../src/shared/one-batch-at-a-time.ts';

export interface TailRequest {
  /** The store the projection reads (decrypting or as stored); requests on the same store share a read. */
  source: EventStore;
  /** Exclusive; null from the first event. */
  after: bigint | null;
  eventTypes: readonly string[];
}

export interface TailBatch {
  /** The projection's events after its `after`, in order. */
  events: RecordedEvent[];
  /** Nothing of the projection's is left to read at or before this position (see `TailRead`). */
  scannedTo: bigint | undefined;
  /** The read stopped before the tail (at the batch size or its scan limit): more may be waiting. */
  full: boolean;
}

/**
 * One reader of the global order for every projection of a process. Projections that are caught up are
 * woken by the same appends and ask at once: they share one read of the tail per store, from the oldest of
 * their positions and for all their types, and each takes its own events from it. A projection that is
 * behind (its last read was full) reads on its own, lest it hold the others back.
 */
export class TailReader {
  private readonly shared = oneBatchAtATime<TailRequest, TailBatch>((requests) => this.readTogether(requests));

  constructor(private readonly batchSize: number) {}

  read(request: TailRequest, caughtUp: boolean): Promise<TailBatch> {
    return caughtUp ? this.shared.load(request) : this.readTogether([request]).then(([batch]) => batch!);
  }

  private async readTogether(requests: readonly TailRequest[]): Promise<TailBatch[]> {
    const sources = [...new Set(requests.map((request) => request.source))];
    const reads = new Map(await Promise.all(sources.map(async (source) => [source, await this.readFor(source, requests.filter((request) => request.source === source))] as const)));
    return requests.map((request) => partOf(reads.get(request.source)!, request));
  }

  private readFor(source: EventStore, requests: readonly TailRequest[]): Promise<TailRead> {
    const after = requests.some((request) => request.after === null) ? undefined : requests.map((request) => request.after!).reduce((a, b) => (a < b ? a : b));
    const eventTypes = [...new Set(requests.flatMap((request) => request.eventTypes))];
    return source.readTail({ after, maxCount: this.batchSize, eventTypes });
  }
}

function partOf(read: TailRead, request: TailRequest): TailBatch {
  const types = new Set(request.eventTypes);
  const events = read.events.filter((event) => types.has(event.type) && (request.after === null || event.position > request.after));
  return { events, scannedTo: read.scannedTo, full: read.more };
}
