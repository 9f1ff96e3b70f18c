import { describe, expect, it } from '@jest/globals';
import { suppressSmallCells } from './small-cell-suppression.ts';

const shown = (cells: ReturnType<typeof suppressSmallCells>) => Object.fromEntries(cells.map(({ key, count }) => [key, count]));

describe('small-cell suppression in equality reports', () => {
  it('withholds counts of 1 to 4, keeping zeros and counts of 5 or more', () => {
    expect(shown(suppressSmallCells([{ key: 'a', count: 3 }, { key: 'b', count: 1 }, { key: 'c', count: 0 }, { key: 'd', count: 5 }]))).toEqual({ a: null, b: null, c: 0, d: 5 });
  });

  it('withholds the smallest other non-zero count beside a lone small one, so the total cannot give it away', () => {
    const cells = suppressSmallCells([{ key: 'a', count: 2 }, { key: 'b', count: 0 }, { key: 'c', count: 9 }, { key: 'd', count: 6 }]);
    expect(shown(cells)).toEqual({ a: null, b: 0, c: 9, d: null });
    expect(cells.filter((cell) => cell.suppressed).map((cell) => cell.key)).toEqual(['a', 'd']);
  });

  it('shows everything when no count is small', () => {
    expect(suppressSmallCells([{ key: 'a', count: 5 }, { key: 'b', count: 0 }]).every((cell) => !cell.suppressed)).toBe(true);
  });
});
