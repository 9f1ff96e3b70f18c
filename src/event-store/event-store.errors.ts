import type { ExpectedRevision } from './event-store.port.ts';

/** The stream was not at the revision the writer expected; `actual` is undefined when the stream does not exist. */
export class WrongExpectedRevision extends Error {
  override readonly name = 'WrongExpectedRevision';

  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | undefined,
  ) {
    super(`Stream ${stream} expected at ${String(expected)} but is at ${actual ?? 'no stream'}`);
  }
}

/** The engine could not be reached or failed; nothing was written. */
export class EventStoreUnavailable extends Error {
  override readonly name = 'EventStoreUnavailable';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Event ids already stored in another stream or at other revisions: not a retry of the same append. */
export class DuplicateEventId extends Error {
  override readonly name = 'DuplicateEventId';

  constructor(readonly eventId: string) {
    super(`Event ${eventId} is already stored elsewhere`);
  }
}
