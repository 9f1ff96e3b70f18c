import type { Figure } from './report.ts';

/** What we aim for; missing it is reported to people, never a failure. */
export type Aim = { atLeast: number } | { atMost: number };

export const aimMet = (value: number, aim: Aim) => ('atLeast' in aim ? value >= aim.atLeast : value <= aim.atMost);
export const aimText = (aim: Aim) => ('atLeast' in aim ? `>= ${aim.atLeast}` : `<= ${aim.atMost}`);

interface Ratio {
  numerator: string;
  denominator: string;
  aim?: Aim;
}

const RATIOS: Ratio[] = [
  { numerator: 'append.single.c16', denominator: 'emmett.append.single.c16', aim: { atLeast: 2 } },
  { numerator: 'append.single.seq', denominator: 'emmett.append.single.seq' },
  { numerator: 'append.single.c16', denominator: 'raw.insert.single.c16', aim: { atLeast: 0.6 } },
  { numerator: 'append.batch100', denominator: 'raw.insert.batch100', aim: { atLeast: 0.5 } },
  // Commands over HTTP carry auth, validation, a stream read and fold, encryption and the hash chain.
  { numerator: 'http.command.c200', denominator: 'append.single.c16', aim: { atLeast: 0.4 } },
  { numerator: 'http.command.c200.in-process', denominator: 'append.single.c16' },
  // How much of what the HTTP stack and load generator can answer here the commands reach.
  { numerator: 'http.command.c200', denominator: 'http.probe.c200' },
  // Issue 23: the same commands written with Emmett on Fastify, side by side (bench/peer).
  { numerator: 'http.command.c200', denominator: 'emmett.http.command.c200', aim: { atLeast: 1 } },
  { numerator: 'http.command.p99', denominator: 'emmett.http.command.p99' },
  { numerator: 'http.command.cpu.with-projectors', denominator: 'emmett.http.command.cpu', aim: { atMost: 1 } },
  { numerator: 'http.command.cpu', denominator: 'emmett.http.command.cpu' },
  // Issue 19: messages the outbox hands to (a local) GOV.UK Notify per second, beside the bare append.
  { numerator: 'notify.outbox.delivery', denominator: 'append.single.c16' },
];

/** Aims for figures measured directly (issues 3 and 8). */
export const FIGURE_AIMS: Record<string, Aim> = {
  // Issue 3: a read model rebuilt from a million events within about 20 s, and followed live within 200 ms.
  'projection.rebuild': { atLeast: 50_000 },
  'projection.lag.p99': { atMost: 200 },
  'http.command.p99': { atMost: 50 },
  'query.list.p95': { atMost: 50 },
  'query.report.p95': { atMost: 500 },
  'service.rss.peak': { atMost: 400 },
  // Issue 21: service and database, nothing asked of them, at the small store and at a million referrals.
  'idle.cpu': { atMost: 20 },
  // Issue 23: service and projectors together.
  'http.command.cpu.with-projectors': { atMost: 0.5 },
  'statements.command': { atMost: 8 },
  'statements.read': { atMost: 3 },
};

export interface RatioResult {
  figure: Figure;
  aim?: Aim;
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

/** `service.rss.peak`: the highest of the service processes' peaks measured in this run, under whichever load. */
export function computePeaks(figures: ReadonlyMap<string, number>): RatioResult[] {
  const peaks = [...figures].filter(([name]) => name.startsWith('service.rss.peak.')).map(([, value]) => value);
  if (peaks.length === 0) return [];
  return [{ figure: { name: 'service.rss.peak', value: Math.max(...peaks), unit: 'MB' } }];
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
