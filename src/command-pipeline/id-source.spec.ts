import { describe, expect, it } from '@jest/globals';
import { idsDerivedFrom, randomIds } from './id-source.ts';

const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('id sources', () => {
  it('derives the same ids from the same seed, and different ones per index and seed', () => {
    const a = idsDerivedFrom('alice/key-1');
    expect(a.caseId()).toMatch(UUID_V5);
    expect(a.caseId()).toBe(idsDerivedFrom('alice/key-1').caseId());
    expect(a.eventId(0)).not.toBe(a.eventId(1));
    expect(a.eventId(0)).not.toBe(idsDerivedFrom('bob/key-1').eventId(0));
  });

  it('makes random ids otherwise', () => {
    expect(randomIds.caseId()).not.toBe(randomIds.caseId());
  });
});
