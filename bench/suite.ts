import type { Operation } from './harness.ts';
import type { Figure } from './report.ts';
import type { Timing } from './settings.ts';

export interface ThroughputFigure {
  /** Fixed over time, so runs compare: e.g. `append.single.c16`. */
  name: string;
  unit: string;
  concurrency: number;
  createWorker: (workerIndex: number) => Operation;
}

export interface SuiteContext {
  /** A fresh database of the suite's own on the run's server, dropped after the suite. */
  databaseUrl: string;
  /** The run's warm-up and measuring durations, for suites that drive their own load generator. */
  timing: Timing;
  /** Measures a figure with the run's warm-up and duration, and reports it. */
  throughput(figure: ThroughputFigure): Promise<void>;
  /** Reports a figure measured some other way (a rebuild's duration, a lag percentile). */
  report(figure: Figure): void;
  log(line: string): void;
}

/** One contender (or area) of the benchmark: sets itself up in its database and measures its figures. */
export interface Suite {
  /** Names the suite's database; lowercase letters, digits and underscores. */
  name: string;
  run(context: SuiteContext): Promise<void>;
}
