import { WrongExpectedRevision } from '../event-store.errors.ts';
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
import { wasWritten } from '../event-store.port.ts';
import { eventHash, withIntegrity } from './event-hash.ts';

/**
 * How often an `any` or `stream_exists` append re-reads the stream's end after losing a race, and
 * the longest pause (ms) between tries: random pauses let contending writers (e.g. one user's
 * parallel reads, each recorded in the access log) spread out instead of colliding again.
 */
const RACE_RETRIES = 40;
const MAX_RACE_PAUSE_MS = 20;
/** Streams whose last event's hash is kept, so an append after a read or an append of this process reads no tip. */
const KNOWN_TIPS = 10_000;

interface Tip {
  revision: number;
  hash: string | null;
}

/**
 * Links every appended event to the previous one in its stream by hash, for either engine. The
 * append always states the exact revision it chained to, so two writers can never fork a chain:
 * the loser re-reads and re-links (for `any`/`stream_exists`) or fails as the caller asked.
 */
export class ChainedEventStore implements EventStore {
  /**
   * What whole-stream reads and this process's appends found or left at each stream's end. A stored event's
   * hash never changes, so a remembered (stream, revision, hash) can be old but never wrong: an append is
   * remembered only where the engine says it wrote the events (an idempotent re-append keeps the stored
   * events, not the ones we hashed). An old one costs an append that fails on its revision, then a read.
   */
  private readonly tips = new Map<string, Tip>();

  constructor(private readonly engine: EventStore) {}

  async append(stream: string, events: readonly NewEvent[], expected: ExpectedRevision, options?: AppendOptions): Promise<AppendResult> {
    for (let attempt = 0; ; attempt++) {
      const last = expected === 'no_stream' ? undefined : await this.tipOf(stream, expected);
      if (expected === 'stream_exists' && !last) throw new WrongExpectedRevision(stream, expected, undefined);
      const exact = typeof expected === 'number' ? expected : last ? last.revision : 'no_stream';
      const linked = this.linked(stream, events, last);
      try {
        const result = await this.engine.append(stream, linked, exact, options);
        if (wasWritten(result)) this.remember(stream, { revision: result.revision, hash: linked.at(-1)!.metadata.integrity!.hash });
        return result;
      } catch (error) {
        if (error instanceof WrongExpectedRevision) this.tips.delete(stream);
        const raced = error instanceof WrongExpectedRevision && typeof expected !== 'number' && expected !== 'no_stream';
        if (!raced || attempt >= RACE_RETRIES) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(MAX_RACE_PAUSE_MS, 2 ** attempt)));
      }
    }
  }

  /**
   * The event the append follows: remembered when the caller expects the revision we last saw or any (the
   * append then states that revision, and re-reads if another writer went first), else read.
   */
  private async tipOf(stream: string, expected: ExpectedRevision): Promise<Tip | undefined> {
    const known = this.tips.get(stream);
    if (known && (known.revision === expected || expected === 'any' || expected === 'stream_exists')) return known;
    const [last] = await this.engine.readStream(stream, { direction: 'backwards', maxCount: 1 });
    return last && { revision: last.revision, hash: last.metadata.integrity?.hash ?? null };
  }

  private linked(stream: string, events: readonly NewEvent[], last: Tip | undefined): NewEvent[] {
    let previous = last?.hash ?? null;
    let revision = last ? last.revision : -1;
    return events.map((event) => {
      revision += 1;
      const hash = eventHash({ ...event, stream, revision }, previous);
      const chained = { ...event, metadata: withIntegrity(event.metadata, previous, hash) };
      previous = hash;
      return chained;
    });
  }

  private remember(stream: string, tip: Tip): void {
    this.tips.delete(stream);
    this.tips.set(stream, tip);
    if (this.tips.size > KNOWN_TIPS) this.tips.delete(this.tips.keys().next().value!);
  }

  async readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    const events = await this.engine.readStream(stream, options);
    // A whole stream read forwards ends at its tip: what a command reads before it appends.
    const last = events.at(-1);
    if (last && options?.from === undefined && options?.maxCount === undefined && options?.direction !== 'backwards') {
      this.remember(stream, { revision: last.revision, hash: last.metadata.integrity?.hash ?? null });
    }
    return events;
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.engine.readAll(options);
  }

  readTail(options?: ReadAllOptions): Promise<TailRead> {
    return this.engine.readTail(options);
  }

  onAppended(listener: AppendListener): () => void {
    return this.engine.onAppended(listener);
  }

  subscribe(options?: SubscribeOptions): Subscription {
    return this.engine.subscribe(options);
  }

  headPosition(): Promise<bigint | undefined> {
    return this.engine.headPosition();
  }

  committedHeadPosition(): Promise<bigint | undefined> {
    return this.engine.committedHeadPosition();
  }

  ping(): Promise<void> {
    return this.engine.ping();
  }

  close(): Promise<void> {
    return this.engine.close();
  }
}
