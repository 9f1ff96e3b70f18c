import { BACKWARDS, END, FORWARDS, KurrentDBClient, START, StreamNotFoundError, type AllStreamResolvedEvent, type ResolvedEvent } from '@kurrent/kurrentdb-client';
import { EventStoreUnavailable } from '../event-store.errors.ts';
import type {
  AppendListener,
  AppendOptions,
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  TailRead,
} from '../event-store.port.ts';
import { EventStoreDbAppendSignal } from './append-signal.ts';
import { CatchUpSubscription } from './catch-up-subscription.ts';
import { toStoreError } from './error-mapping.ts';
import { toEventData, toRecordedEvent } from './event-mapping.ts';
import { storeEventFilter } from './event-type-filter.ts';
import { toStreamState } from './expected-revision.ts';
import { toClientPosition, toStorePosition } from './log-position.ts';

/** From a connection string such as `kurrentdb://localhost:2113?tls=false` (or the older `esdb://`). */
export function createEventStoreDbEventStore(connectionString: string): EventStoreDbEventStore {
  return new EventStoreDbEventStore(KurrentDBClient.connectionString(connectionString));
}

/**
 * The EventStoreDB / KurrentDB engine. Differences from the PostgreSQL engine, all EventStoreDB's own:
 * - Idempotency: re-appending the same ids with the same numeric or `no_stream` expectation is
 *   recognised from the stream itself, at any age. With `any` or `stream_exists` it is recognised
 *   only while the ids are in the server's in-memory cache of recent writes (lost on restart);
 *   after that the events are stored again.
 * - Ids are not unique across streams: the same id appended to another stream is stored again, so
 *   DuplicateEventId is never raised. Ids overlapping other revisions of the same stream fail as
 *   WrongExpectedRevision.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private readonly signal: EventStoreDbAppendSignal;

  constructor(private readonly client: KurrentDBClient) {
    this.signal = new EventStoreDbAppendSignal((after) =>
      this.client.subscribeToAll({ fromPosition: after === undefined ? END : toClientPosition(after), filter: storeEventFilter() }),
    );
  }

  async append(stream: string, events: readonly NewEvent[], expected: ExpectedRevision, options?: AppendOptions): Promise<AppendResult> {
    if (events.length === 0) throw new RangeError('An append needs at least one event');
    try {
      const result = await this.client.appendToStream(stream, events.map(toEventData), { streamState: toStreamState(expected) });
      const revision = result.nextExpectedRevision;
      // An idempotent repeat may come back without a position; the stream still knows it.
      const position = result.position ? toStorePosition(result.position, events.at(-1)!.id) : await this.positionAt(stream, revision);
      this.signal.appended(position, options);
      return { revision: Number(revision), position };
    } catch (error) {
      throw toStoreError(error, { stream, expected });
    }
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const direction = options.direction ?? 'forwards';
    if (options.maxCount === 0) return [];
    try {
      return await collect(
        this.client.readStream(stream, {
          direction: direction === 'forwards' ? FORWARDS : BACKWARDS,
          fromRevision: options.from !== undefined ? BigInt(options.from) : direction === 'forwards' ? START : END,
          ...(options.maxCount !== undefined && { maxCount: options.maxCount }),
        }),
      );
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw toStoreError(error);
    }
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const { after, maxCount, eventTypes } = options;
    if (maxCount === 0) return [];
    try {
      const events = await collect(
        this.client.readAll({
          fromPosition: after === undefined ? START : toClientPosition(after),
          filter: storeEventFilter(eventTypes),
          // Reading from a position includes the event at it, which is then dropped.
          ...(maxCount !== undefined && { maxCount: after === undefined ? maxCount : maxCount + 1 }),
        }),
      );
      const newer = after === undefined ? events : events.filter((event) => event.position > after);
      return maxCount === undefined ? newer : newer.slice(0, maxCount);
    } catch (error) {
      throw toStoreError(error);
    }
  }

  /**
   * The log has no gaps to wait for: everything up to the head read first has been read after it. The server
   * filters by type as it streams, with no statement timeout, so the scan limit is not needed here.
   */
  async readTail(options: ReadAllOptions = {}): Promise<TailRead> {
    const head = await this.headPosition();
    const events = await this.readAll(options);
    const newest = events.at(-1)?.position;
    const full = events.length === options.maxCount;
    if (newest !== undefined && (full || head === undefined || newest > head)) return { events, scannedTo: newest, more: full };
    return { events, scannedTo: head, more: false };
  }

  onAppended(listener: AppendListener): () => void {
    return this.signal.onAppended(listener);
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    const filter = storeEventFilter(options.eventTypes);
    const subscription = new CatchUpSubscription(
      (after) => this.client.subscribeToAll({ fromPosition: after === undefined ? START : toClientPosition(after), filter }),
      options.after,
      () => this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Every committed event is readable in the $all order. */
  committedHeadPosition(): Promise<bigint | undefined> {
    return this.headPosition();
  }

  async headPosition(): Promise<bigint | undefined> {
    try {
      for await (const { event } of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, filter: storeEventFilter() })) {
        if (event) return toStorePosition(event.position, event.id);
      }
      return undefined;
    } catch (error) {
      throw toStoreError(error);
    }
  }

  async ping(): Promise<void> {
    // $all reads go through the client's native bridge, which takes no deadline, so one is imposed here.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new EventStoreUnavailable(`EventStoreDB did not answer within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS);
    });
    const newestRecord = async () => {
      for await (const _record of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })) break;
    };
    try {
      await Promise.race([newestRecord(), timeout]);
    } catch (error) {
      throw toStoreError(error);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.signal.close();
    await this.client.dispose();
  }

  private async positionAt(stream: string, revision: bigint): Promise<bigint> {
    const [event] = await collect(this.client.readStream(stream, { fromRevision: revision, maxCount: 1 }));
    if (!event) throw new Error(`Stream ${stream} has no event at revision ${revision} right after appending it`);
    return event.position;
  }
}

const PING_TIMEOUT_MS = 5_000;

async function collect(read: AsyncIterable<ResolvedEvent | AllStreamResolvedEvent>): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const resolved of read) {
    if (resolved.event) events.push(toRecordedEvent(resolved.event));
  }
  return events;
}
