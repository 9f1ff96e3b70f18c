import type { EventStore, RecordedEvent, TailRead } from '../../src/event-store/event-store.port.ts';
import { oneBatchAtATime } from '../../src/shared/one-batch-at-a-time.ts';

/**
 * A store that reads the log through another and only changes the events it returns (the decrypting store opens
 * personal data): its projections share the read of the store underneath with those that read that one.
 */
export interface ReadsThrough {
  readonly readsThrough: EventStore;
  openEvents(events: RecordedEvent[]): Promise<RecordedEvent[]>;
}

function readsThrough(source: EventStore): source is EventStore & ReadsThrough {
  return 'readsThrough' in source;
}

export interface TailRequest {
  /** The store the projection reads (decrypting or as stored); requests on the same store, or reading through it, share a read. */
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

  /** One read per store underneath for every request; each store reading through it opens only its requests' events. */
  private async readTogether(requests: readonly TailRequest[]): Promise<TailBatch[]> {
    const underneath = (source: EventStore) => (readsThrough(source) ? source.readsThrough : source);
    const reads = new Map<EventStore, TailRead>();
    await Promise.all(
      [...new Set(requests.map((request) => underneath(request.source)))].map(async (store) => {
        const sharing = requests.filter((request) => underneath(request.source) === store);
        const read = await this.readFor(store, sharing);
        reads.set(store, read);
        await Promise.all(
          [...new Set(sharing.map((request) => request.source))].filter(readsThrough).map(async (source) => {
            const types = new Set(sharing.filter((request) => request.source === source).flatMap((request) => request.eventTypes));
            reads.set(source, { ...read, events: await source.openEvents(read.events.filter((event) => types.has(event.type))) });
          }),
        );
      }),
    );
    return requests.map((request) => partOf(reads.get(request.source)!, request));
  }

  private readFor(store: EventStore, requests: readonly TailRequest[]): Promise<TailRead> {
    const after = requests.some((request) => request.after === null) ? undefined : requests.map((request) => request.after!).reduce((a, b) => (a < b ? a : b));
    const eventTypes = [...new Set(requests.flatMap((request) => request.eventTypes))];
    return store.readTail({ after, maxCount: this.batchSize, eventTypes });
  }
}

function partOf(read: TailRead, request: TailRequest): TailBatch {
  const types = new Set(request.eventTypes);
  const events = read.events.filter((event) => types.has(event.type) && (request.after === null || event.position > request.after));
  return { events, scannedTo: read.scannedTo, full: read.more };
}
