import { createPool, databaseTimeouts } from '../../src/database/pool.ts';
import { Inject, Injectable, Logger, NotFoundException, type BeforeApplicationShutdown, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import pg from 'pg';
import type { AppConfig } from '../../src/config/config.schema.ts';
import { OWNER_DATABASE_URL } from '../../src/database/database-url.ts';
import { EventCatalog } from '../../src/event-store/event-catalog.ts';
import { EVENT_STORE, STORED_EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.ts';
import { parkedEvents, type ParkedEvent } from './parked-events.ts';
import { requestRebuild } from './rebuild-request.ts';
import { replayParkedEvent, type ReplayOutcome } from './replay-parked-event.ts';
import { ALL_PROJECTIONS, projectionNamed } from './projection-registry.ts';
import { DEFAULT_RUNNER_OPTIONS, ProjectionRunner } from './projection-runner.ts';
import { sourceFor } from './projection-source.ts';
import { TailReader } from './tail-reader.ts';
import { ProgressSignal } from './progress-signal.ts';
import { hasProjected, projectionStatuses, type ProjectionStatus } from './projection-status.ts';
import type { Projection } from './projection.ts';

/** How often a wait for a read model asks the database when no projection of this process has moved on. */
const POLL_MS = 20;

/** No event is stored at or before it (in either engine): a client that has written nothing yet may send it. */
const BEFORE_ANY_EVENT = 0n;

/** Runs the projectors inside the API (unless PROJECTIONS=off) and answers questions about them. */
@Injectable()
export class ProjectionsService implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Projections');
  private readonly pool: pg.Pool;
  /** For the API's questions (readiness, read-your-writes, statuses): with the requests' timeouts, so none hangs. */
  private readonly questions: pg.Pool;
  private readonly runners: ProjectionRunner[];
  private readonly inProcess: boolean;
  private readonly minPositionWaitMs: number;
  private readonly progress = new ProgressSignal();

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    /** As stored: enough for positions and lag, and for read models that copy no personal data (nothing to decrypt). */
    @Inject(STORED_EVENT_STORE) private readonly store: EventStore,
    @Inject(OWNER_DATABASE_URL) databaseUrl: string,
    private readonly catalog: EventCatalog,
    config: ConfigService<AppConfig, true>,
  ) {
    // No statement timeouts: rebuilding and indexing a read model may take minutes.
    const timeouts = databaseTimeouts({
      DATABASE_CONNECT_TIMEOUT_MS: config.get('DATABASE_CONNECT_TIMEOUT_MS', { infer: true }),
      DATABASE_STATEMENT_TIMEOUT_MS: config.get('DATABASE_STATEMENT_TIMEOUT_MS', { infer: true }),
      DATABASE_QUERY_TIMEOUT_MS: config.get('DATABASE_QUERY_TIMEOUT_MS', { infer: true }),
    });
    this.pool = createPool(databaseUrl, ALL_PROJECTIONS.length + 4, { connectMs: timeouts.connectMs });
    this.questions = createPool(databaseUrl, 4, timeouts);
    const log = (level: 'log' | 'warn' | 'error', message: string) => this.logger[level](message);
    const tail = new TailReader(DEFAULT_RUNNER_OPTIONS.batchSize);
    const options = { ...DEFAULT_RUNNER_OPTIONS, safetyPollMs: config.get('PROJECTION_POLL_MS', { infer: true }), log, progressed: () => this.progress.notify() };
    this.runners = ALL_PROJECTIONS.map((projection) => new ProjectionRunner(this.pool, sourceFor(projection, events, store), catalog, projection, options, tail));
    this.inProcess = config.get('PROJECTIONS', { infer: true }) === 'in-process';
    this.minPositionWaitMs = config.get('MIN_POSITION_WAIT_MS', { infer: true });
  }

  onApplicationBootstrap(): void {
    if (this.inProcess) for (const runner of this.runners) runner.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.pool.end(), this.questions.end()]);
  }

  statuses(): Promise<ProjectionStatus[]> {
    return projectionStatuses(this.questions, this.store, ALL_PROJECTIONS);
  }

  /** Cheap enough for every health probe: only the checkpoint table. */
  async halted(): Promise<{ name: string; lastError: string }[]> {
    const result = await this.questions.query('SELECT name, last_error FROM projection_checkpoints WHERE last_error IS NOT NULL ORDER BY name');
    return result.rows.map((row: { name: string; last_error: string }) => ({ name: row.name, lastError: row.last_error }));
  }

  /** Events of each projection parked and not replayed yet; projections with none are left out. Cheap enough for every health probe. */
  async parkedCounts(): Promise<{ name: string; events: number }[]> {
    return [...(await parkedEvents.counts(this.pool))].map(([name, events]) => ({ name, events }));
  }

  /** Events still parked; with `replayed`, also those replayed since. */
  parked(name: string, options: { replayed?: boolean } = {}): Promise<ParkedEvent[]> {
    return parkedEvents.list(this.pool, this.named(name).name, options);
  }

  /** Undefined when that event is not parked. */
  replay(name: string, position: bigint, by: string): Promise<ReplayOutcome | undefined> {
    const projection = this.named(name);
    return replayParkedEvent(this.pool, sourceFor(projection, this.events, this.store), this.catalog, projection, position, by);
  }

  /** Every parked event of the projection, oldest first. */
  async replayAll(name: string, by: string): Promise<ReplayOutcome[]> {
    const outcomes: ReplayOutcome[] = [];
    for (const { position } of await this.parked(name)) {
      const outcome = await this.replay(name, BigInt(position), by);
      if (outcome) outcomes.push(outcome);
    }
    return outcomes;
  }

  async rebuild(name: string): Promise<ProjectionStatus> {
    const projection = this.named(name);
    await requestRebuild(this.questions, projection);
    return (await projectionStatuses(this.questions, this.store, [projection]))[0]!;
  }

  /**
   * Waits (up to `timeoutMs`) for every read model that copies personal data to pass `position` (a decision about
   * a data subject, which they follow like any event); returns those that have and those still behind.
   */
  async waitForPersonalDataReadModels(position: bigint, timeoutMs: number): Promise<{ updated: string[]; behind: string[] }> {
    const { passed, behind } = await this.waitForAll(ALL_PROJECTIONS.filter((projection) => projection.holdsPersonalData), position, timeoutMs);
    return { updated: passed.map((projection) => projection.name), behind: behind.map((projection) => projection.name) };
  }

  /** Waits briefly for a read model to include an event position returned by a command. */
  async waitUntilProjected(name: string, position: bigint): Promise<boolean> {
    return (await this.waitForAll([this.named(name)], position, this.minPositionWaitMs)).behind.length === 0;
  }

  /**
   * The projections led in this process are followed in memory, woken as they move on; the others (led by
   * another process, or while this one has none) are asked of the database every POLL_MS. A projection led here
   * is asked of the database too after POLL_MS with no progress from any, in case another process took it over.
   */
  private async waitForAll(projections: readonly Projection[], position: bigint, timeoutMs: number): Promise<{ passed: Projection[]; behind: Projection[] }> {
    if (position <= BEFORE_ANY_EVENT) return { passed: [...projections], behind: [] };
    const deadline = Date.now() + timeoutMs;
    const passed: Projection[] = [];
    let behind = [...projections];
    let askDatabase = false;
    for (;;) {
      const done = await Promise.all(behind.map((projection) => this.hasProjected(projection, position, askDatabase)));
      passed.push(...behind.filter((_, index) => done[index]));
      behind = behind.filter((_, index) => !done[index]);
      const left = deadline - Date.now();
      if (behind.length === 0 || left <= 0) return { passed, behind };
      askDatabase = !(await this.progress.next(Math.min(POLL_MS, left)));
    }
  }

  private async hasProjected(projection: Projection, position: bigint, askDatabase: boolean): Promise<boolean> {
    const through = this.runners.find((runner) => runner.projection.name === projection.name)?.projectedThrough();
    if (through !== undefined && through !== null && through >= position) return true;
    if (through !== undefined && !askDatabase) return false;
    return hasProjected(this.questions, this.store, projection, position);
  }

  private named(name: string): Projection {
    const projection = projectionNamed(name);
    if (!projection) throw new NotFoundException(`No projection named ${name}`);
    return projection;
  }
}
