import { createPool } from '../../src/database/pool.ts';
import { Inject, Injectable, Logger, NotFoundException, type BeforeApplicationShutdown, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import pg from 'pg';
import type { AppConfig } from '../../src/config/config.schema.ts';
import { DATABASE_URL } from '../../src/database/database-url.ts';
import { EventCatalog } from '../../src/event-store/event-catalog.ts';
import { EVENT_STORE, STORED_EVENT_STORE, type EventStore } from '../../src/event-store/event-store.port.ts';
import { requestRebuild, restartRebuild } from './rebuild-request.ts';
import { ALL_PROJECTIONS, projectionNamed } from './projection-registry.ts';
import { DEFAULT_RUNNER_OPTIONS, ProjectionRunner } from './projection-runner.ts';
import { sourceFor } from './projection-source.ts';
import { TailReader } from './tail-reader.ts';
import { hasProjected, projectionStatuses, type ProjectionStatus } from './projection-status.ts';
import type { Projection } from './projection.ts';

/** Runs the projectors inside the API (unless PROJECTIONS=off) and answers questions about them. */
@Injectable()
export class ProjectionsService implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Projections');
  private readonly pool: pg.Pool;
  private readonly runners: ProjectionRunner[];
  private readonly inProcess: boolean;
  private readonly minPositionWaitMs: number;

  constructor(
    @Inject(EVENT_STORE) events: EventStore,
    /** As stored: enough for positions and lag, and for read models that copy no personal data (nothing to decrypt). */
    @Inject(STORED_EVENT_STORE) private readonly store: EventStore,
    @Inject(DATABASE_URL) databaseUrl: string,
    catalog: EventCatalog,
    config: ConfigService<AppConfig, true>,
  ) {
    this.pool = createPool(databaseUrl, ALL_PROJECTIONS.length + 4);
    const log = (level: 'log' | 'warn' | 'error', message: string) => this.logger[level](message);
    const tail = new TailReader(DEFAULT_RUNNER_OPTIONS.batchSize);
    const options = { ...DEFAULT_RUNNER_OPTIONS, safetyPollMs: config.get('PROJECTION_POLL_MS', { infer: true }), log };
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
    await this.pool.end();
  }

  statuses(): Promise<ProjectionStatus[]> {
    return projectionStatuses(this.pool, this.store, ALL_PROJECTIONS);
  }

  /** Cheap enough for every health probe: only the checkpoint table. */
  async halted(): Promise<{ name: string; lastError: string }[]> {
    const result = await this.pool.query('SELECT name, last_error FROM projection_checkpoints WHERE last_error IS NOT NULL ORDER BY name');
    return result.rows.map((row: { name: string; last_error: string }) => ({ name: row.name, lastError: row.last_error }));
  }

  async rebuild(name: string): Promise<ProjectionStatus> {
    const projection = this.named(name);
    await requestRebuild(this.pool, projection);
    return (await projectionStatuses(this.pool, this.store, [projection]))[0]!;
  }

  /**
   * Rebuilds every read model that copies personal data, from the first event, and waits (up to
   * `timeoutMs`) for them to be swapped in; returns the names still rebuilding when it gave up.
   */
  async rebuildPersonalDataReadModels(timeoutMs: number): Promise<{ rebuilt: string[]; stillRebuilding: string[] }> {
    const projections = ALL_PROJECTIONS.filter((projection) => projection.holdsPersonalData);
    for (const projection of projections) await restartRebuild(this.pool, projection);
    const names = projections.map((projection) => projection.name);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const result = await this.pool.query<{ name: string }>('SELECT name FROM projection_checkpoints WHERE name = ANY($1) AND rebuild_version IS NOT NULL', [names]);
      const pending = result.rows.map((row) => row.name);
      if (pending.length === 0 || Date.now() >= deadline) return { rebuilt: names.filter((name) => !pending.includes(name)), stillRebuilding: pending };
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Waits briefly for a read model to include an event position returned by a command. */
  async waitUntilProjected(name: string, position: bigint): Promise<boolean> {
    const projection = this.named(name);
    const deadline = Date.now() + this.minPositionWaitMs;
    for (;;) {
      if (await hasProjected(this.pool, this.store, projection, position)) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  private named(name: string): Projection {
    const projection = projectionNamed(name);
    if (!projection) throw new NotFoundException(`No projection named ${name}`);
    return projection;
  }
}
