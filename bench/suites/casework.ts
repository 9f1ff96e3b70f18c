import { migrateDatabase } from '../../src/database/data-source.ts';
import type { EventStore } from '../../src/event-store/event-store.port.ts';
import { createPostgresEventStore } from '../../src/event-store/postgres/postgres-event-store.ts';
import { forEachConcurrently } from '../harness.ts';
import { newReferralEvent } from '../payload.ts';
import type { Suite, SuiteContext } from '../suite.ts';
import { BATCH_WRITERS, READERS, READ_STREAM_LENGTH, WRITERS, batchWriter, newStreamName, singleEventWriter } from '../workloads.ts';

/** Streams seeded for the read figure; enough that readers rarely hit the same one at once. */
const SEEDED_STREAMS = 2_000;

/** Our PostgreSQL event store, through the port exactly as the application uses it. */
export const caseworkSuite: Suite = {
  name: 'casework',
  async run(context) {
    await migrateDatabase(context.databaseUrl);
    const store = createPostgresEventStore(context.databaseUrl);
    try {
      await measureAppends(store, context);
      await measureReads(store, context);
    } finally {
      await store.close();
    }
  },
};

async function measureAppends(store: EventStore, context: SuiteContext): Promise<void> {
  // The first event creates the stream; each next one expects the revision of the one before.
  const appendOne = (stream: string, eventIndex: number) =>
    store.append(stream, [newReferralEvent()], eventIndex === 0 ? 'no_stream' : eventIndex - 1).then(() => {});
  const appendBatch = (stream: string, size: number) =>
    store.append(stream, Array.from({ length: size }, newReferralEvent), 'no_stream').then(() => {});
  await context.throughput({ name: 'append.single.c16', unit: 'events/s', concurrency: WRITERS, createWorker: () => singleEventWriter(appendOne) });
  await context.throughput({ name: 'append.single.seq', unit: 'events/s', concurrency: 1, createWorker: () => singleEventWriter(appendOne) });
  await context.throughput({ name: 'append.batch100', unit: 'events/s', concurrency: BATCH_WRITERS, createWorker: () => batchWriter(appendBatch) });
}

async function measureReads(store: EventStore, context: SuiteContext): Promise<void> {
  const streams = Array.from({ length: SEEDED_STREAMS }, newStreamName);
  context.log(`Seeding ${SEEDED_STREAMS} streams of ${READ_STREAM_LENGTH} events`);
  await forEachConcurrently(streams.length, WRITERS, async (index) => {
    await store.append(streams[index]!, Array.from({ length: READ_STREAM_LENGTH }, newReferralEvent), 'no_stream');
  });
  const readRandomStream = async () => {
    const events = await store.readStream(streams[Math.floor(Math.random() * streams.length)]!);
    if (events.length !== READ_STREAM_LENGTH) throw new Error(`Read ${events.length} events, expected ${READ_STREAM_LENGTH}`);
    return 1;
  };
  await context.throughput({ name: 'read.stream', unit: 'streams/s', concurrency: READERS, createWorker: () => readRandomStream });
}
