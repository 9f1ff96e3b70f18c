import { describe, expect, it } from '@jest/globals';
import { AccessDeniedError, DeadlineExceededError, UnavailableError, WrongExpectedVersionError } from '@kurrent/kurrentdb-client';
import { EventStoreUnavailable, WrongExpectedRevision } from '../event-store.errors.ts';
import { toStoreError } from './error-mapping.ts';

const append = { stream: 'referral-1', expected: 2 } as const;

describe('error mapping', () => {
  it('turns a wrong expected version into WrongExpectedRevision with the actual revision', () => {
    const error = toStoreError(new WrongExpectedVersionError(undefined, { streamName: 'referral-1', expected: 2n, current: 4n }), append);
    expect(error).toBeInstanceOf(WrongExpectedRevision);
    expect(error).toMatchObject({ stream: 'referral-1', expected: 2, actual: 4 });
  });

  it('leaves actual undefined when the stream does not exist', () => {
    const error = toStoreError(new WrongExpectedVersionError(undefined, { streamName: 'referral-1', expected: 'stream_exists', current: 'no_stream' }), {
      stream: 'referral-1',
      expected: 'stream_exists',
    });
    expect(error).toMatchObject({ name: 'WrongExpectedRevision', expected: 'stream_exists', actual: undefined });
  });

  it('reports unreachable and slow servers as EventStoreUnavailable, keeping the cause', () => {
    for (const cause of [new UnavailableError(), new DeadlineExceededError()]) {
      const error = toStoreError(cause);
      expect(error).toBeInstanceOf(EventStoreUnavailable);
      expect((error as EventStoreUnavailable).cause).toBe(cause);
    }
  });

  it('recognises raw gRPC failures the client did not classify', () => {
    const refused = Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14, details: 'No connection established' });
    expect(toStoreError(refused)).toBeInstanceOf(EventStoreUnavailable);
  });

  it('passes other failures through unchanged', () => {
    const denied = new AccessDeniedError();
    const bug = new TypeError('boom');
    expect(toStoreError(denied)).toBe(denied);
    expect(toStoreError(bug)).toBe(bug);
  });
});
