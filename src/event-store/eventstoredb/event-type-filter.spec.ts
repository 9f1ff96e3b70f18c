import { describe, expect, it } from '@jest/globals';
import { EVENT_TYPE, type RegexFilter } from '@kurrent/kurrentdb-client';
import { storeEventFilter } from './event-type-filter.ts';

/** The filter runs on the server; these constructs mean the same in JavaScript and .NET regexes. */
function matches(filter: ReturnType<typeof storeEventFilter>, eventType: string): boolean {
  return new RegExp((filter as RegexFilter).regex).test(eventType);
}

describe('event type filter', () => {
  it('filters on event type, on the server', () => {
    expect(storeEventFilter(['ReferralReceived'])).toMatchObject({ filterOn: EVENT_TYPE, regex: expect.any(String) });
  });

  it('selects exactly the listed types, not names that merely start or end with them', () => {
    const filter = storeEventFilter(['ReferralReceived', 'ReferralAssigned']);
    expect(matches(filter, 'ReferralReceived')).toBe(true);
    expect(matches(filter, 'ReferralAssigned')).toBe(true);
    expect(matches(filter, 'ReferralReceivedV2')).toBe(false);
    expect(matches(filter, 'OldReferralReceived')).toBe(false);
    expect(matches(filter, 'ReferralClosed')).toBe(false);
  });

  it('treats regex characters in type names literally', () => {
    const filter = storeEventFilter(['case.opened', 'a+b']);
    expect(matches(filter, 'case.opened')).toBe(true);
    expect(matches(filter, 'caseXopened')).toBe(false);
    expect(matches(filter, 'a+b')).toBe(true);
    expect(matches(filter, 'aab')).toBe(false);
  });

  it('selects nothing for an empty list', () => {
    const filter = storeEventFilter([]);
    expect(['ReferralReceived', '', '$>'].some((type) => matches(filter, type))).toBe(false);
  });

  it('without a list, selects every event except system events', () => {
    const filter = storeEventFilter();
    expect(matches(filter, 'ReferralReceived')).toBe(true);
    expect(matches(filter, '$metadata')).toBe(false);
    expect(matches(filter, '$>')).toBe(false);
    expect(matches(filter, '$statsCollected')).toBe(false);
  });
});
