import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/roles.ts';
import { ProjectionsService } from '../../projections/runner/projections.service.ts';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.ts';

/** 200 when the event store and the read-model database answer and no projection has halted, 503 otherwise. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly database: TypeOrmHealthIndicator,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionsService,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.eventStore(),
      () => this.database.pingCheck('readModels', { timeout: 2000 }),
      () => this.projectionStates(),
    ]);
  }

  /** A halted projection means a read model no longer follows the events: operators must know. */
  private async projectionStates() {
    const indicator = this.indicators.check('projections');
    const halted = await this.projections.halted();
    return halted.length === 0 ? indicator.up() : indicator.down({ halted });
  }

  private async eventStore() {
    const indicator = this.indicators.check('eventStore');
    try {
      await this.store.ping();
      return indicator.up();
    } catch {
      return indicator.down({ message: 'The event store does not answer' });
    }
  }
}
