import { randomUUID } from 'node:crypto';
import type { Operation } from './harness.ts';

/**
 * The shapes every contender runs, so their figures compare. Single-event writers follow a
 * referral's life: a new stream (expected: no stream), then more events at exact expected revisions.
 */
export const WRITERS = 16;
export const EVENTS_PER_STREAM = 5;
/** Batch figures use fewer writers: 100 events per append already keep the server busy. */
export const BATCH_WRITERS = 4;
export const BATCH_SIZE = 100;
export const READERS = 16;
export const READ_STREAM_LENGTH = 10;

export const newStreamName = () => `referral-${randomUUID()}`;

/**
 * A writer appending one event at a time; `eventIndex` is the event's 0-based place in its stream,
 * from which each contender derives its own expected-revision value.
 */
export function singleEventWriter(appendEvent: (stream: string, eventIndex: number) => Promise<void>): Operation {
  let stream = newStreamName();
  let eventIndex = 0;
  return async () => {
    if (eventIndex === EVENTS_PER_STREAM) {
      stream = newStreamName();
      eventIndex = 0;
    }
    await appendEvent(stream, eventIndex);
    eventIndex += 1;
    return 1;
  };
}

/** A writer appending BATCH_SIZE events at once, each batch starting a new stream. */
export function batchWriter(appendBatch: (stream: string, size: number) => Promise<void>): Operation {
  return async () => {
    await appendBatch(newStreamName(), BATCH_SIZE);
    return BATCH_SIZE;
  };
}
