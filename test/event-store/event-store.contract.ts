import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { WrongExpectedRevision } from '../../src/event-store/event-store.errors.ts';
import type { EventStore, NewEvent, RecordedEvent } from '../../src/event-store/event-store.port.ts';
import { READERS_MAY_WAIT_MS } from '../../src/event-store/readers-may-wait.ts';

/**
 * What every engine behind the port must do. Engine-neutral: each test writes its own streams and
 * judges readAll/subscribe only by its own events, since an engine's global log may hold others';
 * positions are compared by order only.
 */
export function describeEventStoreContract(engine: string, connect: () => Promise<{ store: EventStore; dispose(): Promise<void> }>): void {
  describe(`event store contract: ${engine}`, () => {
    let store: EventStore;
    let dispose: () => Promise<void>;

    beforeAll(async () => {
      ({ store, dispose } = await connect());
    });
    afterAll(() => dispose());

    const stream = () => `contract-${randomUUID()}`;
    const type = `ContractEvent${randomUUID().slice(0, 8)}`;
    const events = (count: number, eventType = type): NewEvent[] =>
      Array.from({ length: count }, (_, index) => ({
        id: randomUUID(),
        type: eventType,
        schemaVersion: 2,
        data: { index, note: 'é ✓ "quoted"' },
        metadata: { actor: { sub: 'contract', roles: ['case_manager'] }, correlationId: randomUUID(), causationId: randomUUID() },
      }));
    const rejection = async (work: Promise<unknown>) => work.then(() => undefined, (error: unknown) => error);

    describe('expected revision', () => {
      it('no_stream creates a stream once; then reports the actual revision', async () => {
        const name = stream();
        expect(await store.append(name, events(2), 'no_stream')).toMatchObject({ revision: 1 });
        const error = await rejection(store.append(name, events(1), 'no_stream'));
        expect(error).toBeInstanceOf(WrongExpectedRevision);
        expect(error).toMatchObject({ stream: name, expected: 'no_stream', actual: 1 });
      });

      it('an exact revision must be the current one', async () => {
        const name = stream();
        await store.append(name, events(3), 'no_stream');
        expect(await store.append(name, events(1), 2)).toMatchObject({ revision: 3 });
        expect(await rejection(store.append(name, events(1), 2))).toMatchObject({ actual: 3 });
        expect(await rejection(store.append(stream(), events(1), 0))).toMatchObject({ actual: undefined });
      });

      it('stream_exists needs the stream; any takes whatever is there', async () => {
        const name = stream();
        expect(await rejection(store.append(name, events(1), 'stream_exists'))).toBeInstanceOf(WrongExpectedRevision);
        expect(await store.append(name, events(1), 'any')).toMatchObject({ revision: 0 });
        expect(await store.append(name, events(2), 'stream_exists')).toMatchObject({ revision: 2 });
        expect(await store.append(name, events(1), 'any')).toMatchObject({ revision: 3 });
      });

      it('of 10 concurrent appends at one expected revision exactly one wins', async () => {
        const name = stream();
        await store.append(name, events(1), 'no_stream');
        const outcomes = await Promise.all(Array.from({ length: 10 }, () => rejection(store.append(name, events(1), 0))));
        expect(outcomes.filter((outcome) => outcome === undefined)).toHaveLength(1);
        const losers = outcomes.filter((outcome) => outcome !== undefined);
        expect(losers).toHaveLength(9);
        for (const loser of losers) expect(loser).toMatchObject({ name: 'WrongExpectedRevision', actual: 1 });
        expect(await store.readStream(name)).toHaveLength(2);
      });

      it('concurrent any appends all land, each at its own revision', async () => {
        const name = stream();
        await Promise.all(Array.from({ length: 10 }, () => store.append(name, events(1), 'any')));
        expect((await store.readStream(name)).map((event) => event.revision)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      });

      it('concurrent appends to many streams each get their own outcome, whatever the others do', async () => {
        const stored = stream();
        const storedBatch = events(2);
        const first = await store.append(stored, storedBatch, 'no_stream');
        const fresh = Array.from({ length: 20 }, () => stream());
        const [again, stale, ...created] = await Promise.all([
          store.append(stored, storedBatch, 'no_stream'),
          rejection(store.append(stored, events(1), 0)),
          ...fresh.map((name, index) => store.append(name, events(1 + (index % 3)), 'no_stream')),
        ]);
        expect(again).toEqual(first);
        expect(stale).toMatchObject({ name: 'WrongExpectedRevision', actual: 1 });
        for (const [index, name] of fresh.entries()) {
          expect(created[index]).toMatchObject({ revision: index % 3 });
          expect((await store.readStream(name)).map((event) => event.revision)).toEqual(Array.from({ length: 1 + (index % 3) }, (_, revision) => revision));
        }
        expect(await store.readStream(stored)).toHaveLength(2);
      });
    });

    describe('idempotency', () => {
      it('appending the same event ids again stores nothing and returns the first result', async () => {
        const name = stream();
        const batch = events(3);
        const first = await store.append(name, batch, 'no_stream');
        const again = await store.append(name, batch, 'no_stream');
        expect(again.revision).toBe(first.revision);
        expect(again.position).toBe(first.position);
        expect(await store.readStream(name)).toHaveLength(3);
      });
    });

    describe('reading', () => {
      it('reads its own writes straight away, with data, metadata, schema version and server time', async () => {
        const name = stream();
        const batch = events(2);
        const before = Date.now();
        const { position } = await store.append(name, batch, 'no_stream');
        const read = await store.readStream(name);
        expect(read.map((event) => event.id)).toEqual(batch.map((event) => event.id));
        expect(read[1]).toMatchObject({ stream: name, revision: 1, position, type, schemaVersion: 2, data: batch[1]!.data, metadata: batch[1]!.metadata });
        expect(read[0]!.position < read[1]!.position).toBe(true);
        expect(read[0]!.recordedAt.getTime()).toBeGreaterThanOrEqual(before - 5_000);
        expect(read[0]!.recordedAt.getTime()).toBeLessThanOrEqual(Date.now() + 5_000);
      });

      it('reads a stream from a revision, in either direction, up to a count', async () => {
        const name = stream();
        await store.append(name, events(5), 'no_stream');
        const revisions = (read: RecordedEvent[]) => read.map((event) => event.revision);
        expect(revisions(await store.readStream(name, { from: 2 }))).toEqual([2, 3, 4]);
        expect(revisions(await store.readStream(name, { from: 1, maxCount: 2 }))).toEqual([1, 2]);
        expect(revisions(await store.readStream(name, { direction: 'backwards', maxCount: 2 }))).toEqual([4, 3]);
        expect(revisions(await store.readStream(name, { direction: 'backwards', from: 1 }))).toEqual([1, 0]);
        expect(await store.readStream(stream())).toEqual([]);
      });

      it('reads the global order in pages after a position, filtered by type', async () => {
        const start = await store.headPosition();
        const otherType = `${type}Other`;
        const name = stream();
        await store.append(name, events(3), 'no_stream');
        await store.append(stream(), events(2, otherType), 'no_stream');
        const last = await store.append(name, events(2), 2);
        await untilReadable(store, last.position);

        const ours = await readAllPages(store, start, [type], 2);
        expect(ours.filter((event) => event.stream === name).map((event) => event.revision)).toEqual([0, 1, 2, 3, 4]);
        expect(ours.every((event) => event.type === type)).toBe(true);
        const everything = await readAllPages(store, start, undefined, 3);
        expect(everything.filter((event) => event.type === otherType)).toHaveLength(2);
        expect(isStrictlyIncreasing(everything)).toBe(true);
        const head = await store.headPosition();
        expect(head).toBeDefined();
        expect(head! >= everything.at(-1)!.position).toBe(true);
      });

      it('counts an append in the committed head as soon as it returns', async () => {
        const appended = await store.append(stream(), events(2), 'no_stream');
        expect((await store.committedHeadPosition())! >= appended.position).toBe(true);
      });

      it('reads the tail of a few types and says it looked past the events of the others', async () => {
        // After every append made so far: the readable head can trail an earlier test's append while another
        // transaction on the server is open, and its events of this type would then be read here too.
        const start = await store.committedHeadPosition();
        const name = stream();
        const ours = await store.append(name, events(2), 'no_stream');
        const theirs = await store.append(stream(), events(3, `${type}Other`), 'no_stream');
        await untilReadable(store, theirs.position);

        const tail = await store.readTail({ after: start, eventTypes: [type] });
        expect(tail.events.map((event) => [event.stream, event.revision])).toEqual([[name, 0], [name, 1]]);
        expect(tail.scannedTo! >= theirs.position).toBe(true);
        const page = await store.readTail({ after: start, maxCount: 1, eventTypes: [type] });
        expect(page.scannedTo).toBe(page.events[0]!.position);
        expect(page.scannedTo! < ours.position).toBe(true);
      });
    });

    describe('wake-ups', () => {
      it('tells a listener of an append, with its position, until it stops listening', async () => {
        const heard: (bigint | undefined)[] = [];
        const stop = store.onAppended((position) => heard.push(position));
        const { position } = await store.append(stream(), events(1), 'no_stream');
        expect(heard).toContain(position);
        stop();
        const count = heard.length;
        await store.append(stream(), events(1), 'no_stream');
        expect(heard).toHaveLength(count);
      });

      it('tells a listener of an append whose readers may wait, a moment later at most', async () => {
        const heard: (bigint | undefined)[] = [];
        const stop = store.onAppended((position) => heard.push(position));
        const { position } = await store.append(stream(), events(1), 'no_stream', { readersMayWait: true });
        await new Promise((resolve) => setTimeout(resolve, READERS_MAY_WAIT_MS * 2));
        expect(heard).toContain(position);
        stop();
      });
    });

    describe('subscriptions', () => {
      it('replays history after a position, then delivers live appends, until closed', async () => {
        const name = stream();
        await store.append(name, events(2), 'no_stream');
        const [, second] = await store.readStream(name);
        const subscription = store.subscribe({ after: second!.position, eventTypes: [type] });
        const received: RecordedEvent[] = [];
        const consumed = (async () => {
          for await (const event of subscription) {
            if (event.stream === name) received.push(event);
            if (received.length === 3) break;
          }
        })();
        await store.append(name, events(3), 1);
        await consumed;
        await subscription.close();
        expect(received.map((event) => event.revision)).toEqual([2, 3, 4]);
      });

      it('ends a pending iteration when closed', async () => {
        const subscription = store.subscribe({ after: await store.headPosition(), eventTypes: [`${type}Never`] });
        const iterator = subscription[Symbol.asyncIterator]();
        const pending = iterator.next();
        await new Promise((resolve) => setTimeout(resolve, 50));
        await subscription.close();
        expect(await pending).toEqual({ done: true, value: undefined });
      });

      it('under 20 concurrent writers x 500 events sees every event once, in order, as readAll does', async () => {
        const start = await store.headPosition();
        const writers = 20;
        const perWriter = 500;
        const stressType = `${type}Stress`;
        const subscription = store.subscribe({ after: start, eventTypes: [stressType] });
        const seen: RecordedEvent[] = [];
        const consumed = (async () => {
          for await (const event of subscription) {
            seen.push(event);
            if (seen.length === writers * perWriter) break;
          }
        })();
        await Promise.all(
          Array.from({ length: writers }, async () => {
            const name = stream();
            let written = 0;
            while (written < perWriter) {
              const size = Math.min(1 + (written % 4), perWriter - written);
              await store.append(name, events(size, stressType), written === 0 ? 'no_stream' : written - 1);
              written += size;
            }
          }),
        );
        await consumed;
        await subscription.close();

        expect(seen).toHaveLength(writers * perWriter);
        expect(new Set(seen.map((event) => event.id)).size).toBe(writers * perWriter);
        expect(isStrictlyIncreasing(seen)).toBe(true);
        const read = await readAllPages(store, start, [stressType], 1000);
        expect(read.map((event) => event.id)).toEqual(seen.map((event) => event.id));
        const byStream = new Map<string, number[]>();
        for (const event of seen) byStream.set(event.stream, [...(byStream.get(event.stream) ?? []), event.revision]);
        for (const revisions of byStream.values()) expect(revisions).toEqual(Array.from({ length: perWriter }, (_, index) => index));
      }, 120_000);
    });
  });
}

/**
 * Positions become readable in global order once every transaction that began before them has
 * finished, on the whole server: other test files' open transactions may hold them back briefly.
 */
async function untilReadable(store: EventStore, position: bigint): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (((await store.headPosition()) ?? -1n) < position && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
}

async function readAllPages(store: EventStore, after: bigint | undefined, eventTypes: readonly string[] | undefined, pageSize: number): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (let cursor = after; ; ) {
    const page = await store.readAll({ after: cursor, maxCount: pageSize, eventTypes });
    all.push(...page);
    if (page.length < pageSize) return all;
    cursor = page.at(-1)!.position;
  }
}

function isStrictlyIncreasing(events: readonly RecordedEvent[]): boolean {
  return events.every((event, index) => index === 0 || events[index - 1]!.position < event.position);
}
