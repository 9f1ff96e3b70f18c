import {
  CancelledError,
  convertToCommandError,
  DeadlineExceededError,
  NotLeaderError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@kurrent/kurrentdb-client';
import { EventStoreUnavailable, WrongExpectedRevision } from '../event-store.errors.ts';
import type { ExpectedRevision } from '../event-store.port.ts';
import { toActualRevision } from './expected-revision.ts';

/**
 * Client failures in the port's terms. A server-side timeout may still let a write land; the
 * writer's event ids make the retry that EventStoreUnavailable invites idempotent.
 */
export function toStoreError(error: unknown, append?: { stream: string; expected: ExpectedRevision }): unknown {
  // Some calls reject with raw gRPC service errors; the client's converter gives them their class.
  const converted = error instanceof Error ? convertToCommandError(error) : error;
  if (converted instanceof WrongExpectedVersionError && append) {
    return new WrongExpectedRevision(append.stream, append.expected, toActualRevision(converted.actualState));
  }
  if (isTransient(converted)) {
    return new EventStoreUnavailable(`EventStoreDB is unavailable: ${converted.message}`, { cause: error });
  }
  return converted;
}

/** Failures worth retrying later: the server is unreachable, slow, restarting or changing leader. */
function isTransient(error: unknown): error is Error {
  return (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof NotLeaderError ||
    error instanceof CancelledError
  );
}
