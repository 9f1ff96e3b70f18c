import { Injectable, Logger } from '@nestjs/common';
import { ProjectionsService } from '../../projections/runner/projections.service.ts';
import type { ProjectionStatus } from '../../projections/runner/projection-status.ts';
import { Metrics } from './metrics.ts';

const STATES: ProjectionStatus['state'][] = ['live', 'rebuilding', 'failed', 'not-started'];

/** Projection lag and state are read when scraped: they live in PostgreSQL and the event store, not in this process. */
@Injectable()
export class ProjectionMetrics {
  private readonly logger = new Logger('Metrics');

  constructor(
    private readonly projections: ProjectionsService,
    private readonly metrics: Metrics,
  ) {}

  async refresh(): Promise<void> {
    let statuses: ProjectionStatus[];
    try {
      statuses = await this.projections.statuses();
    } catch (error) {
      // A store that does not answer is what readiness reports; the process metrics are still worth serving.
      this.logger.warn(`Projection metrics not refreshed: ${(error as Error).name}`);
      return;
    }
    for (const status of statuses) {
      this.metrics.projectionLagEvents.set({ projection: status.name }, status.lag.events);
      this.metrics.projectionLagSeconds.set({ projection: status.name }, status.lag.seconds);
      this.metrics.projectionParkedEvents.set({ projection: status.name }, status.parked);
      for (const state of STATES) this.metrics.projectionState.set({ projection: status.name, state }, state === status.state ? 1 : 0);
    }
  }
}
