import type { ProcessingRestriction } from '../personal-data/processing-restriction.ts';
import { describe, expect, it } from '@jest/globals';
import type { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/config.schema.ts';
import { EventCatalog } from '../event-store/event-catalog.ts';
import { EventStoreUnavailable, WrongExpectedRevision } from '../event-store/event-store.errors.ts';
import type { AppendResult, EventStore, ExpectedRevision, NewEvent, RecordedEvent } from '../event-store/event-store.port.ts';
import type { CommandTelemetry } from '../observability/command-telemetry.ts';
import { defineEvent } from '../personal-data/event-definition.ts';
import type { Decider, DomainEvent } from '../shared/domain/decider.ts';
import { CommandPipeline } from './command-pipeline.ts';
import { RevisionMismatch, TooMuchContention } from './command-pipeline.errors.ts';
import type { ChangeFeed, ChangeListener } from '../database/change-feed.ts';
import { SUBJECT_KEY_CHANGED } from '../personal-data/subject-keys.ts';
import type { ContentionBackoff } from './contention-backoff.ts';
import { randomIds } from './id-source.ts';

type Counted = DomainEvent<'Counted', { count: number }>;
const counter: Decider<number, 'count', Counted> = {
  initialState: () => 0,
  evolve: (count) => count + 1,
  decide: (_command, count) => [{ type: 'Counted', data: { count: count + 1 } }],
};
const STREAM = 'counter-1';
const COMMAND_RETRIES = 5;

/** One stream in memory; `beforeAppend` runs between a command's read and its append, as another process might write. */
class OneStreamStore implements Pick<EventStore, 'readStream' | 'append'> {
  readonly events: RecordedEvent[] = [];
  conflicts = 0;
  reads = 0;
  /** Whether what a command writes reads back as written (no subject of it erased or restricted). */
  readable = true;
  /** What every read fails with, a moment after it reached the store, while set. */
  readFailure: Error | undefined;
  beforeAppend: () => Promise<void> = async () => {};

  async readStream(): Promise<RecordedEvent[]> {
    this.reads++;
    await new Promise((resolve) => setImmediate(resolve));
    if (this.readFailure) throw this.readFailure;
    return [...this.events];
  }

  async append(stream: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    await this.beforeAppend();
    const actual = this.events.at(-1)?.revision;
    if ((expected === 'no_stream' ? undefined : expected) !== actual) {
      this.conflicts++;
      throw new WrongExpectedRevision(stream, expected, actual);
    }
    return this.write(events);
  }

  write(events: readonly NewEvent[]): AppendResult {
    for (const event of events) this.events.push({ ...event, stream: STREAM, revision: this.events.length, position: BigInt(this.events.length), recordedAt: new Date() });
    return { revision: this.events.length - 1, position: BigInt(this.events.length - 1) };
  }

  writeFromAnotherProcess(): void {
    this.write([{ id: crypto.randomUUID(), type: 'Counted', schemaVersion: 1, data: { count: 0 }, metadata: { actor: { sub: 'other', roles: [] }, correlationId: 'c', causationId: 'c' } }]);
  }
}

/** A change feed that is live and tells its listeners what a test says changed. */
class FakeFeed {
  readonly live = true;
  private readonly listeners: ChangeListener[] = [];

  onChange(listener: ChangeListener): () => void {
    this.listeners.push(listener);
    return () => undefined;
  }

  tell(topic: string | undefined, key?: string): void {
    for (const listener of this.listeners) listener(topic, key);
  }
}

function pipelineOver(store: OneStreamStore, waits: number[] = [], feed?: FakeFeed): CommandPipeline {
  const config = { get: () => COMMAND_RETRIES } as unknown as ConfigService<AppConfig, true>;
  const telemetry = { observe: (_type: string, run: () => Promise<unknown>) => run(), observeAppend: (append: () => Promise<unknown>) => append() } as unknown as CommandTelemetry;
  const backoff: ContentionBackoff = { wait: async (attempt) => void waits.push(attempt) };
  const catalog = new EventCatalog([defineEvent({ type: 'Counted', schemaVersion: 1, personalData: [], plain: [] })]);
  const unrestricted = { refuseIfRestricted: async () => undefined, subjectsOf: () => ['subject-1'], readAsWritten: async () => store.readable } as unknown as ProcessingRestriction;
  return new CommandPipeline(store as unknown as EventStore, catalog, config, telemetry, backoff, unrestricted, { feed: feed as unknown as ChangeFeed });
}

const count = (pipeline: CommandPipeline, expectedRevisions?: number[]) =>
  pipeline.run({
    stream: STREAM,
    caseId: '1',
    decider: counter,
    command: 'count',
    createsCase: true,
    context: { actor: { sub: 'alice', roles: [] }, correlationId: 'c', causationId: 'c', now: new Date(), ids: randomIds, expectedRevisions },
  });

describe('the command pipeline under concurrent commands on one case', () => {
  it('runs the commands of one process one after another: none loses a race, each gets the next revision', async () => {
    const store = new OneStreamStore();
    store.beforeAppend = () => new Promise((resolve) => setImmediate(resolve));
    const pipeline = pipelineOver(store);

    const outcomes = await Promise.all(Array.from({ length: 20 }, () => count(pipeline)));

    expect(store.conflicts).toBe(0);
    expect(outcomes.map((outcome) => outcome.revision).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => index));
    expect(store.events.map((event) => event.data.count)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
  });

  it('waits a growing backoff before each re-read after another process wrote first, then succeeds', async () => {
    const store = new OneStreamStore();
    let writesByOthers = 2;
    store.beforeAppend = async () => {
      if (writesByOthers-- > 0) store.writeFromAnotherProcess();
    };
    const waits: number[] = [];

    const outcome = await count(pipelineOver(store, waits));

    expect(waits).toEqual([1, 2]);
    expect(outcome.revision).toBe(2);
    expect(store.events.at(-1)?.data).toEqual({ count: 3 });
  });

  it('gives up with TooMuchContention after COMMAND_RETRIES re-reads, each after a wait', async () => {
    const store = new OneStreamStore();
    store.beforeAppend = async () => store.writeFromAnotherProcess();
    const waits: number[] = [];

    await expect(count(pipelineOver(store, waits))).rejects.toBeInstanceOf(TooMuchContention);
    expect(waits).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('the command pipeline keeping a case folded between commands (issue 23)', () => {
  it('reads the case once, then decides the next commands on the state it kept', async () => {
    const store = new OneStreamStore();
    const pipeline = pipelineOver(store, [], new FakeFeed());

    for (let index = 0; index < 3; index++) await count(pipeline);

    expect(store.reads).toBe(1);
    expect(store.events.map((event) => event.data.count)).toEqual([1, 2, 3]);
  });

  it('reads again when another process wrote since, and decides on what it wrote', async () => {
    const store = new OneStreamStore();
    const pipeline = pipelineOver(store, [], new FakeFeed());
    await count(pipeline);
    store.writeFromAnotherProcess();

    const outcome = await count(pipeline);

    expect(store.reads).toBe(2);
    expect(outcome.revision).toBe(2);
    expect(store.events.at(-1)?.data).toEqual({ count: 3 });
  });

  it('forgets the case when one of its data subjects is erased or restricted, and when the feed may have missed a change', async () => {
    const store = new OneStreamStore();
    const feed = new FakeFeed();
    const pipeline = pipelineOver(store, [], feed);
    await count(pipeline);

    feed.tell(SUBJECT_KEY_CHANGED, 'someone-else');
    await count(pipeline);
    expect(store.reads).toBe(1);
    feed.tell(SUBJECT_KEY_CHANGED, 'subject-1');
    await count(pipeline);
    expect(store.reads).toBe(2);
    feed.tell(undefined);
    await count(pipeline);
    expect(store.reads).toBe(3);
  });

  it('keeps no state folded from what a command wrote about a subject whose values do not read back so', async () => {
    const store = new OneStreamStore();
    store.readable = false;
    const pipeline = pipelineOver(store, [], new FakeFeed());

    for (let index = 0; index < 3; index++) await count(pipeline);

    expect(store.reads).toBe(3);
  });

  it('judges If-Match on the case as read, not on a state another process has moved past', async () => {
    const store = new OneStreamStore();
    const pipeline = pipelineOver(store, [], new FakeFeed());
    await count(pipeline);
    store.writeFromAnotherProcess();

    await expect(count(pipeline, [0])).rejects.toBeInstanceOf(RevisionMismatch);
    expect((await count(pipeline, [1])).revision).toBe(2);
    expect(store.events).toHaveLength(3);
  });
});

describe('the command pipeline while the database is away (issue 21)', () => {
  it('fails the commands queued on the case with the error the first met, which alone reached the store, and runs the next once it is back', async () => {
    const store = new OneStreamStore();
    const away = new EventStoreUnavailable('PostgreSQL event store unreachable or too slow');
    store.readFailure = away;
    const pipeline = pipelineOver(store);

    const results = await Promise.allSettled(Array.from({ length: 6 }, () => count(pipeline)));

    expect(results).toEqual(results.map(() => ({ status: 'rejected', reason: away })));
    expect(store.reads).toBe(1);
    store.readFailure = undefined;
    expect((await count(pipeline)).revision).toBe(0);
  });

  it('runs the commands queued behind one the case refused', async () => {
    const store = new OneStreamStore();
    const pipeline = pipelineOver(store);

    const [refused, ...queued] = await Promise.allSettled([count(pipeline, [7]), count(pipeline), count(pipeline)]);

    expect(refused).toMatchObject({ status: 'rejected', reason: expect.any(RevisionMismatch) });
    expect(queued.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(store.events).toHaveLength(2);
  });
});
