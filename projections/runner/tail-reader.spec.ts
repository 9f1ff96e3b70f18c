import { describe, expect, it } from '@jest/globals';
import type { EventStore, ReadAllOptions, RecordedEvent } from '../../src/event-store/event-store.port.ts';
import { TailReader, type ReadsThrough } from './tail-reader.ts';

function eventAt(position: bigint, type: string): RecordedEvent {
  return {
    id: `event-${position}`,
    stream: `stream-${position}`,
    revision: 0,
    position,
    type,
    schemaVersion: 1,
    data: {},
    metadata: { actor: { sub: 'test', roles: [] }, correlationId: 'c', causationId: 'c' },
    recordedAt: new Date(0),
  };
}

/** A log of A, B and C events at positions 1..9, recording each read it is asked for. */
function fakeStore(): { store: EventStore; reads: ReadAllOptions[] } {
  const log = [...Array(9).keys()].map((index) => eventAt(BigInt(index + 1), 'ABC'[index % 3]!));
  const reads: ReadAllOptions[] = [];
  const store = {
    async readTail(options: ReadAllOptions = {}) {
      reads.push(options);
      const matching = log.filter((event) => event.position > (options.after ?? 0n) && (!options.eventTypes || options.eventTypes.includes(event.type)));
      const events = matching.slice(0, options.maxCount);
      const full = events.length === options.maxCount;
      return { events, scannedTo: full ? events.at(-1)!.position : log.at(-1)!.position, more: full };
    },
  } as unknown as EventStore;
  return { store, reads };
}

const positions = (events: RecordedEvent[]) => events.map((event) => Number(event.position));

describe('the shared tail reader', () => {
  it('reads once for the caught-up projections that ask together, from the oldest position, each getting its own events after its own', async () => {
    const { store, reads } = fakeStore();
    const tail = new TailReader(100);
    const [a, b] = await Promise.all([tail.read({ source: store, after: 3n, eventTypes: ['A'] }, true), tail.read({ source: store, after: 5n, eventTypes: ['B'] }, true)]);
    expect(reads).toEqual([{ after: 3n, maxCount: 100, eventTypes: ['A', 'B'] }]);
    expect(positions(a.events)).toEqual([4, 7]);
    expect(positions(b.events)).toEqual([8]);
    expect([a.scannedTo, b.scannedTo, a.full]).toEqual([9n, 9n, false]);
  });

  it('reads apart for a projection that is behind, and per store', async () => {
    const first = fakeStore();
    const second = fakeStore();
    const tail = new TailReader(100);
    await Promise.all([
      tail.read({ source: first.store, after: null, eventTypes: ['A'] }, false),
      tail.read({ source: first.store, after: 8n, eventTypes: ['B'] }, true),
      tail.read({ source: second.store, after: 8n, eventTypes: ['C'] }, true),
    ]);
    expect(first.reads).toEqual(expect.arrayContaining([{ after: undefined, maxCount: 100, eventTypes: ['A'] }, { after: 8n, maxCount: 100, eventTypes: ['B'] }]));
    expect(first.reads).toHaveLength(2);
    expect(second.reads).toEqual([{ after: 8n, maxCount: 100, eventTypes: ['C'] }]);
  });

  it('says a shared read that stopped at the batch size was full, for every projection in it', async () => {
    const { store } = fakeStore();
    const tail = new TailReader(2);
    const [a, c] = await Promise.all([tail.read({ source: store, after: null, eventTypes: ['A'] }, true), tail.read({ source: store, after: null, eventTypes: ['C'] }, true)]);
    expect(positions(a.events)).toEqual([1]);
    expect(positions(c.events)).toEqual([3]);
    expect([a.full, a.scannedTo, c.full]).toEqual([true, 3n, true]);
  });

  it('reads once for projections of a store and of one reading through it, which opens only its own events', async () => {
    const { store, reads } = fakeStore();
    const opened: number[][] = [];
    const decrypting = {
      readsThrough: store,
      async openEvents(events: RecordedEvent[]) {
        opened.push(positions(events));
        return events.map((event) => ({ ...event, data: { opened: true } }));
      },
    } as unknown as EventStore & ReadsThrough;
    const tail = new TailReader(100);
    const [a, b] = await Promise.all([tail.read({ source: store, after: 3n, eventTypes: ['A'] }, true), tail.read({ source: decrypting, after: 5n, eventTypes: ['B'] }, true)]);
    expect(reads).toEqual([{ after: 3n, maxCount: 100, eventTypes: ['A', 'B'] }]);
    expect(opened).toEqual([[5, 8]]);
    expect(a.events.map((event) => event.data)).toEqual([{}, {}]);
    expect([positions(b.events), b.events.map((event) => event.data)]).toEqual([[8], [{ opened: true }]]);
  });
});
