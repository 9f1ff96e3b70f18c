import { describe, expect, it } from '@jest/globals';
import { canonicalJson } from '../../shared/canonical-json.ts';
import { eventHash } from './event-hash.ts';

const event = {
  stream: 'referral-1',
  revision: 0,
  id: '6f1c8e5a-0000-4000-8000-000000000001',
  type: 'ReferralReceived',
  schemaVersion: 1,
  data: { b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } },
  metadata: { actor: { sub: 'cm-ann', roles: ['case_manager'] }, correlationId: 'c', causationId: 'k' },
};

describe('event hashes', () => {
  it('writes JSON with sorted keys at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}');
  });

  it('does not depend on key order, nor on the integrity link it is stored in', () => {
    const reordered = { ...event, data: { a: { c: null, d: [1, { e: 3, f: 2 }] }, b: 1 } };
    const stored = { ...event, metadata: { ...event.metadata, integrity: { previous: null, hash: 'x' } } };
    expect(eventHash(reordered, null)).toBe(eventHash(event, null));
    expect(eventHash(stored, null)).toBe(eventHash(event, null));
  });

  it('changes with the data, the place in the stream and the previous hash', () => {
    const base = eventHash(event, null);
    expect(eventHash({ ...event, data: { ...event.data, b: 2 } }, null)).not.toBe(base);
    expect(eventHash({ ...event, revision: 1 }, null)).not.toBe(base);
    expect(eventHash({ ...event, stream: 'referral-2' }, null)).not.toBe(base);
    expect(eventHash(event, 'a'.repeat(64))).not.toBe(base);
  });
});
