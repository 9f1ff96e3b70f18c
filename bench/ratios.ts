import type { Figure } from './report.ts';

interface Ratio {
  numerator: string;
  denominator: string;
  /** What we aim for; missing it is reported to people, never a failure. */
  aim?: number;
}

const RATIOS: Ratio[] = [
  { numerator: 'append.single.c16', denominator: 'emmett.append.single.c16', aim: 2 },
  { numerator: 'append.single.seq', denominator: 'emmett.append.single.seq' },
  { numerator: 'append.single.c16', denominator: 'raw.insert.single.c16', aim: 0.6 },
  { numerator: 'append.batch100', denominator: 'raw.insert.batch100', aim: 0.5 },
];

export interface RatioResult {
  figure: Figure;
  aim?: number;
}

/** The ratios whose two figures were both measured in this run. */
export function computeRatios(figures: ReadonlyMap<string, number>): RatioResult[] {
  return RATIOS.flatMap(({ numerator, denominator, aim }) => {
    const top = figures.get(numerator);
    const bottom = figures.get(denominator);
    if (top === undefined || !bottom) return [];
    return [{ figure: { name: `ratio.${numerator}/${denominator}`, value: round(top / bottom, 2), unit: 'x' }, aim }];
  });
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
