import type { ProcessingRestriction } from '../personal-data/processing-restriction.ts';
import { describe, expect, it } from '@jest/globals';
import type { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/config.schema.ts';
import { EventCatalog } from '../event-store/event-catalog.ts';
import { WrongExpectedRevision } from '../event-store/event-store.errors.ts';
import type { AppendResult, EventStore, ExpectedRevision, NewEvent, RecordedEvent } from '../event-store/event-store.port.ts';
import type { CommandTelemetry } from '../observability/command-telemetry.ts';
import { defineEvent } from '../personal-data/event-definition.ts';
import type { Decider, DomainEvent } from '../shared/domain/decider.ts';
import { CommandPipeline } from './command-pipeline.ts';
import { TooMuchContention } from './command-pipeline.errors.ts';
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
  beforeAppend: () => Promise<void> = async () => {};

  async readStream(): Promise<RecordedEvent[]> {
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

function pipelineOver(store: OneStreamStore, waits: number[] = []): CommandPipeline {
  const config = { get: () => COMMAND_RETRIES } as unknown as ConfigService<AppConfig, true>;
  const telemetry = { observe: (_type: string, run: () => Promise<unknown>) => run(), observeAppend: (append: () => Promise<unknown>) => append() } as unknown as CommandTelemetry;
  const backoff: ContentionBackoff = { wait: async (attempt) => void waits.push(attempt) };
  const catalog = new EventCatalog([defineEvent({ type: 'Counted', schemaVersion: 1, personalData: [], plain: [] })]);
  const unrestricted = { refuseIfRestricted: async () => undefined } as unknown as ProcessingRestriction;
  return new CommandPipeline(store as unknown as EventStore, catalog, config, telemetry, backoff, unrestricted, { feed: undefined });
}

const count = (pipeline: CommandPipeline) =>
  pipeline.run({
    stream: STREAM,
    caseId: '1',
    decider: counter,
    command: 'count',
    createsCase: true,
    context: { actor: { sub: 'alice', roles: [] }, correlationId: 'c', causationId: 'c', now: new Date(), ids: randomIds },
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
