import { describe, expect, it } from '@jest/globals';
import { MAX_NESTING_DEPTH, refuseHostileInput } from './hostile-input.ts';
import { ValidationFailed } from './problem.ts';

const nested = (levels: number): unknown => (levels === 0 ? 'leaf' : { a: nested(levels - 1) });
const refusal = (input: unknown) => {
  try {
    refuseHostileInput(input);
  } catch (error) {
    if (error instanceof ValidationFailed) return error.errors;
    throw error;
  }
  return [];
};

describe('what no body or query string may hold', () => {
  it('takes nesting up to the limit and refuses one level more, naming the limit', () => {
    expect(refusal(nested(MAX_NESTING_DEPTH))).toEqual([]);
    expect(refusal(nested(MAX_NESTING_DEPTH + 1))).toEqual([{ field: expect.stringMatching(/^a(\.a)*$/), message: `JSON may nest at most ${MAX_NESTING_DEPTH} levels deep` }]);
  });

  it('checks a nesting far past any stack without recursing', () => {
    let deep: unknown = [];
    for (let level = 0; level < 200_000; level++) deep = [deep];
    expect(refusal(deep)).toHaveLength(1);
  });

  it('names every text holding a NUL or an unpaired surrogate, and takes surrogate pairs', () => {
    expect(refusal({ name: 'A\u0000n', items: [{ note: '\ud800' }, { note: 'x\udc00' }], ok: 'Ann 😀' }).map((error) => error.field)).toEqual(['name', 'items.0.note', 'items.1.note']);
  });

  it("refuses fields named like Object.prototype's members, at any depth", () => {
    expect(refusal({ toString: 1, victim: { hasOwnProperty: 'x', valueOf: 2 } }).map((error) => error.field)).toEqual(['toString', 'victim.hasOwnProperty', 'victim.valueOf']);
  });
});
