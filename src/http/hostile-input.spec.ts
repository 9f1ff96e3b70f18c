import { describe, expect, it } from '@jest/globals';
import { hostileInputErrors, MAX_NESTING_DEPTH } from './hostile-input.ts';

const nested = (levels: number): unknown => (levels === 0 ? 'leaf' : { a: nested(levels - 1) });

describe('what no body, query string or path parameter may hold', () => {
  it('takes nesting up to the limit and refuses one level more, naming the limit', () => {
    expect(hostileInputErrors(nested(MAX_NESTING_DEPTH))).toEqual([]);
    expect(hostileInputErrors(nested(MAX_NESTING_DEPTH + 1))).toEqual([{ field: expect.stringMatching(/^a(\.a)*$/), message: `JSON may nest at most ${MAX_NESTING_DEPTH} levels deep` }]);
  });

  it('checks a nesting far past any stack without recursing', () => {
    let deep: unknown = [];
    for (let level = 0; level < 200_000; level++) deep = [deep];
    expect(hostileInputErrors(deep)).toHaveLength(1);
  });

  it('names every text holding a NUL or an unpaired surrogate, and takes surrogate pairs', () => {
    expect(hostileInputErrors({ name: 'A\u0000n', items: [{ note: '\ud800' }, { note: 'x\udc00' }], ok: 'Ann 😀' }).map((error) => error.field)).toEqual(['name', 'items.0.note', 'items.1.note']);
  });

  it('names a field whose name holds a NUL, and a top-level text by the name it is given', () => {
    expect(hostileInputErrors({ 'a\u0000': 'x' }).map((error) => error.field)).toEqual(['a\u0000']);
    expect(hostileInputErrors('\u0000')).toEqual([{ field: 'body', message: 'body must not contain a NUL character or an unpaired surrogate' }]);
    expect(hostileInputErrors({ id: 'a\u0000' })).toEqual([{ field: 'id', message: 'id must not contain a NUL character or an unpaired surrogate' }]);
  });

  it("refuses fields named like Object.prototype's members, at any depth", () => {
    expect(hostileInputErrors({ toString: 1, victim: { hasOwnProperty: 'x', valueOf: 2 } }).map((error) => error.field)).toEqual(['toString', 'victim.hasOwnProperty', 'victim.valueOf']);
  });
});
