import { describe, expect, it } from '@jest/globals';
import { AccessDeniedError, UnavailableError, type AllStreamResolvedEvent } from '@kurrent/kurrentdb-client';
import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { EventStoreDbAppendSignal } from './append-signal.ts';
import { CatchUpSubscription, type AllSubscription } from './catch-up-subscription.ts';
import { toEventData } from './event-mapping.ts';

/** Stands in for the server: records where each subscription started and lets the test feed it. */
class FakeServer {
  readonly openedAfter: (bigint | undefined)[] = [];
  readonly streams: (PassThrough & AllSubscription & { unsubscribed: boolean })[] = [];

  open = (after: bigint | undefined): AllSubscription => {
    this.openedAfter.push(after);
    const stream = Object.assign(new PassThrough({ objectMode: true }), {
      unsubscribed: false,
      async unsubscribe() {
        stream.unsubscribed = true;
      },
    });
    this.streams.push(stream);
    return stream;
  };

  get latest() {
    return this.streams.at(-1)!;
  }
}

function eventAt(position: bigint): AllStreamResolvedEvent {
  const written = toEventData({
    id: randomUUID(),
    type: 'ThingHappened',
    schemaVersion: 1,
    data: { at: position.toString() },
    metadata: { actor: { sub: 'system', roles: [] }, correlationId: 'c', causationId: 'c' },
  });
  return {
    event: { ...written, streamId: 'thing-1', isJson: true, revision: position, created: new Date(), position: { commit: position, prepare: position } },
  } as AllStreamResolvedEvent;
}

const quickRetry = { firstMs: 1, maxMs: 1 };

describe('catch-up subscription', () => {
  it('starts after the resume point even when the server replays the event at it', async () => {
    const server = new FakeServer();
    const first = new CatchUpSubscription(server.open, 10n)[Symbol.asyncIterator]().next();
    server.latest.write(eventAt(10n));
    server.latest.write(eventAt(20n));
    expect((await first).value?.position).toBe(20n);
    expect(server.openedAfter).toEqual([10n]);
  });

  it('resubscribes after a dropped connection from the last delivered event, losing and repeating nothing', async () => {
    const server = new FakeServer();
    const iterator = new CatchUpSubscription(server.open, undefined, () => {}, quickRetry)[Symbol.asyncIterator]();
    const first = iterator.next();
    server.latest.write(eventAt(10n));
    server.latest.write(eventAt(20n));
    const delivered = [(await first).value?.position, (await iterator.next()).value?.position];

    const pending = iterator.next();
    server.latest.emit('error', new UnavailableError());
    await until(() => server.streams.length === 2);
    server.latest.write(eventAt(20n));
    server.latest.write(eventAt(30n));
    delivered.push((await pending).value?.position);

    expect(delivered).toEqual([10n, 20n, 30n]);
    expect(server.openedAfter).toEqual([undefined, 20n]);
    expect(server.streams[0]!.unsubscribed).toBe(true);
  });

  it('ends with the error when the failure is not transient', async () => {
    const server = new FakeServer();
    const iterator = new CatchUpSubscription(server.open, undefined, () => {}, quickRetry)[Symbol.asyncIterator]();
    const pending = iterator.next();
    server.latest.emit('error', new AccessDeniedError());
    await expect(pending).rejects.toBeInstanceOf(AccessDeniedError);
    expect(server.streams).toHaveLength(1);
  });

  it('close ends an iteration that is waiting for events and cancels the server subscription', async () => {
    const server = new FakeServer();
    let closed = false;
    const subscription = new CatchUpSubscription(server.open, undefined, () => (closed = true));
    const pending = subscription[Symbol.asyncIterator]().next();
    await subscription.close();
    await expect(pending).resolves.toEqual({ done: true, value: undefined });
    expect(server.latest.unsubscribed).toBe(true);
    expect(closed).toBe(true);
  });

  it('close during the backoff stops without subscribing again', async () => {
    const server = new FakeServer();
    const subscription = new CatchUpSubscription(server.open, undefined, () => {}, { firstMs: 60_000, maxMs: 60_000 });
    const pending = subscription[Symbol.asyncIterator]().next();
    server.latest.emit('error', new UnavailableError());
    await until(() => server.latest.unsubscribed);
    await subscription.close();
    await expect(pending).resolves.toEqual({ done: true, value: undefined });
    expect(server.streams).toHaveLength(1);
  });
});

describe('append signal over a subscription to $all', () => {
  it('subscribes from the end for its first listener, tells every listener of each event and of appends made here, and unsubscribes after the last', async () => {
    const server = new FakeServer();
    const signal = new EventStoreDbAppendSignal(server.open);
    const heard: [string, bigint | undefined][] = [];
    const stopFirst = signal.onAppended((position) => heard.push(['first', position]));
    const stopSecond = signal.onAppended((position) => heard.push(['second', position]));
    expect(server.openedAfter).toEqual([undefined]);

    server.latest.write(eventAt(10n));
    await until(() => heard.length === 2);
    signal.appended(20n);
    stopFirst();
    server.latest.write(eventAt(30n));
    await until(() => heard.length === 5);
    expect(heard).toEqual([['first', 10n], ['second', 10n], ['first', 20n], ['second', 20n], ['second', 30n]]);

    stopSecond();
    await until(() => server.latest.unsubscribed);
    expect(server.streams).toHaveLength(1);
  });
});

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 1));
}
