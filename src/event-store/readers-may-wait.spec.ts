import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { DeferredWake } from './readers-may-wait.ts';

describe('deferred wake-ups for appends whose readers may wait', () => {
  let woken: bigint[];
  let deferred: DeferredWake;

  beforeEach(() => {
    jest.useFakeTimers();
    woken = [];
    deferred = new DeferredWake((position) => woken.push(position), 200);
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it("wakes once, a moment after the first, for the newest of a busy moment's appends", () => {
    deferred.defer(5n);
    deferred.defer(7n);
    deferred.defer(6n);
    jest.advanceTimersByTime(199);
    expect(woken).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(woken).toEqual([7n]);
    deferred.defer(8n);
    jest.advanceTimersByTime(200);
    expect(woken).toEqual([7n, 8n]);
  });

  it('needs no wake-up of its own once one went out at or past its position, and keeps it when one went out before', () => {
    deferred.defer(5n);
    deferred.woken(4n);
    jest.advanceTimersByTime(200);
    expect(woken).toEqual([5n]);
    deferred.defer(9n);
    deferred.woken(9n);
    jest.advanceTimersByTime(1000);
    expect(woken).toEqual([5n]);
  });

  it('wakes nobody once cancelled (the store closing)', () => {
    deferred.defer(3n);
    deferred.cancel();
    jest.advanceTimersByTime(1000);
    expect(woken).toEqual([]);
  });
});
