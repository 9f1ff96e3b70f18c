import { describe, expect, it } from '@jest/globals';
import { ValidationFailed } from './problem.ts';
import { parseIfMatch } from './if-match.ts';

describe('If-Match, as RFC 9110 reads it', () => {
  it('takes * as any current revision: no revision to check', () => {
    expect(parseIfMatch('*')).toBeUndefined();
    expect(parseIfMatch(undefined)).toBeUndefined();
  });

  it('takes the revisions of every strong entity-tag listed', () => {
    expect(parseIfMatch('"3"')).toEqual([3]);
    expect(parseIfMatch('"3", "4" ,"7"')).toEqual([3, 4, 7]);
  });

  it('lets no weak entity-tag match, nor one that names no revision', () => {
    expect(parseIfMatch('W/"3"')).toEqual([]);
    expect(parseIfMatch('W/"3", "4"')).toEqual([4]);
    expect(parseIfMatch('"abc"')).toEqual([]);
  });

  it('refuses what is not an entity-tag list (400 naming the header)', () => {
    for (const header of ['3', '"3', '"3" "4"', '', '*, "3"']) expect(() => parseIfMatch(header)).toThrow(ValidationFailed);
  });
});
