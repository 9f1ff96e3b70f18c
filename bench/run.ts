import { startBenchServer, type BenchServer } from './bench-server.ts';
import { measureThroughput } from './harness.ts';
import { aimMet, aimText, computePeaks, computeRatios, FIGURE_AIMS, round } from './ratios.ts';
import { log, printFigure, type Figure } from './report.ts';
import { readTiming, type Timing } from './settings.ts';
import type { Suite, SuiteContext } from './suite.ts';
import { caseworkSuite } from './suites/casework.ts';
import { emmettSuite } from './suites/emmett.ts';
import { httpSuite } from './suites/http.ts';
import { notifySuite } from './suites/notify.ts';
import { queriesSuite, scaleSuite } from './suites/queries.ts';
import { projectionsSuite } from './suites/projections.ts';
import { rawInsertSuite } from './suites/raw-insert.ts';
import { statementsSuite } from './suites/statements.ts';

/**
 * `npm run bench`: every figure measured in one run on one PostgreSQL server, each suite in a
 * fresh database of its own; figures and then ratios printed to stdout as JSON lines.
 */
const SUITES: Suite[] = [caseworkSuite, rawInsertSuite, emmettSuite, projectionsSuite, httpSuite, statementsSuite, notifySuite, queriesSuite, scaleSuite];
/** The million-referral read models take a quarter of an hour to build: only when asked for by name. */
const ON_REQUEST: Suite[] = [scaleSuite];

/** BENCH_SUITES=raw,emmett runs only those; every suite but the on-request ones by default. */
function selectSuites(names: string | undefined): Suite[] {
  if (!names) return SUITES.filter((suite) => !ON_REQUEST.includes(suite));
  const wanted = names.split(',').map((name) => name.trim());
  const unknown = wanted.filter((name) => !SUITES.some((suite) => suite.name === name));
  if (unknown.length > 0) throw new Error(`Unknown suites ${unknown.join(', ')}; known: ${SUITES.map((suite) => suite.name).join(', ')}`);
  return SUITES.filter((suite) => wanted.includes(suite.name));
}

async function main(): Promise<void> {
  const timing = readTiming();
  const suites = selectSuites(process.env.BENCH_SUITES);
  const server = await startBenchServer(log);
  const figures = new Map<string, number>();
  const record = (figure: Figure) => {
    figures.set(figure.name, figure.value);
    printFigure(figure);
  };
  try {
    log(`Server: ${await server.describe()}; ${timing.warmupMs / 1000} s warm-up, ${timing.durationMs / 1000} s per figure`);
    for (const suite of suites) await runSuite(suite, server, timing, record);
  } finally {
    await server.stop();
  }
  for (const { figure, aim } of [...computeRatios(figures), ...computePeaks(figures)]) {
    printFigure(figure);
    figures.set(figure.name, figure.value);
    if (aim !== undefined) log(`${figure.name} = ${figure.value} (aim ${aimText(aim)}: ${aimMet(figure.value, aim) ? 'met' : 'MISSED'})`);
  }
  for (const [name, aim] of Object.entries(FIGURE_AIMS)) {
    const value = figures.get(name);
    if (value !== undefined) log(`${name} = ${value} (aim ${aimText(aim)}: ${aimMet(value, aim) ? 'met' : 'MISSED'})`);
  }
}

async function runSuite(suite: Suite, server: BenchServer, timing: Timing, record: (figure: Figure) => void): Promise<void> {
  log(`Suite ${suite.name}`);
  const database = await server.createDatabase(suite.name);
  await server.settle();
  const context: SuiteContext = {
    databaseUrl: database.url,
    timing,
    async throughput({ name, unit, concurrency, createWorker }) {
      log(`  ${name} (${concurrency} concurrent)`);
      const perSecond = await measureThroughput({ concurrency, timing, createWorker });
      record({ name, value: round(perSecond, 1), unit });
    },
    report: record,
    log: (line) => log(`  ${line}`),
  };
  try {
    await suite.run(context);
  } finally {
    await database.drop();
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
