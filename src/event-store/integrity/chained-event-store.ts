import { WrongExpectedRevision } from '../event-store.errors.ts';
import type { AppendResult, EventStore, ExpectedRevision, NewEvent, ReadAllOptions, ReadStreamOptions, RecordedEvent, SubscribeOptions, Subscription } from '../event-store.port.ts';
import { eventHash, withIntegrity } from './event-hash.ts';

/** How often an `any` or `stream_exists` append re-reads the stream's end after losing a race. */
const RACE_RETRIES = 10;

/**
 * Links every appended event to the previous one in its stream by hash, for either engine. The
 * append always states the exact revision it chained to, so two writers can never fork a chain:
 * the loser re-reads and re-links (for `any`/`stream_exists`) or fails as the caller asked.
 */
export class ChainedEventStore implements EventStore {
  constructor(private readonly engine: EventStore) {}

  async append(stream: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    for (let attempt = 0; ; attempt++) {
      const last = expected === 'no_stream' ? undefined : (await this.engine.readStream(stream, { direction: 'backwards', maxCount: 1 }))[0];
      if (expected === 'stream_exists' && !last) throw new WrongExpectedRevision(stream, expected, undefined);
      const exact = typeof expected === 'number' ? expected : last ? last.revision : 'no_stream';
      try {
        return await this.engine.append(stream, this.linked(stream, events, last), exact);
      } catch (error) {
        const raced = error instanceof WrongExpectedRevision && typeof expected !== 'number' && expected !== 'no_stream';
        if (!raced || attempt >= RACE_RETRIES) throw error;
      }
    }
  }

  private linked(stream: string, events: readonly NewEvent[], last: RecordedEvent | undefined): NewEvent[] {
    let previous = last?.metadata.integrity?.hash ?? null;
    let revision = last ? last.revision : -1;
    return events.map((event) => {
      revision += 1;
      const hash = eventHash({ ...event, stream, revision }, previous);
      const chained = { ...event, metadata: withIntegrity(event.metadata, previous, hash) };
      previous = hash;
      return chained;
    });
  }

  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.engine.readStream(stream, options);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.engine.readAll(options);
  }

  subscribe(options?: SubscribeOptions): Subscription {
    return this.engine.subscribe(options);
  }

  headPosition(): Promise<bigint | undefined> {
    return this.engine.headPosition();
  }

  ping(): Promise<void> {
    return this.engine.ping();
  }

  close(): Promise<void> {
    return this.engine.close();
  }
}
