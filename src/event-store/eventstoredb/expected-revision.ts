import { ANY, NO_STREAM, STREAM_EXISTS, type AppendStreamState, type CurrentStreamState } from '@kurrent/kurrentdb-client';
import type { ExpectedRevision } from '../event-store.port.ts';

export function toStreamState(expected: ExpectedRevision): AppendStreamState {
  switch (expected) {
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    case 'any':
      return ANY;
    default:
      return BigInt(expected);
  }
}

/** The port's `actual` revision: undefined when the stream does not exist. */
export function toActualRevision(current: CurrentStreamState): number | undefined {
  return current === NO_STREAM ? undefined : Number(current);
}
