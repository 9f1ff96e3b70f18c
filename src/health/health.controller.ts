import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, HealthCheckService, type HealthCheckResult, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/roles.ts';
import { ProjectionsService } from '../../projections/runner/projections.service.ts';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.ts';
import { NotifyDispatches } from '../notify/outbox/notify-dispatches.ts';
import { OutboxDispatcher } from '../notify/outbox/outbox-dispatcher.ts';

/** Each readiness check's own limit, shorter than the database timeouts: an orchestrator's probe must not hang. */
const CHECK_TIMEOUT_MS = 2000;

/**
 * Liveness (`/api/health/live`): the process answers HTTP, whatever its stores do, so an orchestrator
 * restarts it only when it is stuck. Readiness (`/api/health/ready`, and `/api/health` as before): 200 when
 * the event store and the read-model database answer and no projection has halted, 503 otherwise; `degraded`
 * (still 200) while a projection holds parked events.
 */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly database: TypeOrmHealthIndicator,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionsService,
    private readonly outbox: OutboxDispatcher,
    private readonly dispatches: NotifyDispatches,
  ) {}

  @Get('live')
  @Public()
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  @Get(['', 'ready'])
  @Public()
  @HealthCheck()
  async ready() {
    try {
      return await this.health.check([
        () => this.eventStore(),
        () => this.database.pingCheck('readModels', { timeout: CHECK_TIMEOUT_MS }),
        () => this.projectionStates(),
        () => this.notifyOutbox(),
      ]);
    } catch (error) {
      if (error instanceof ServiceUnavailableException) throw new ServiceUnavailableException(notReadyDetail(error.getResponse() as HealthCheckResult));
      throw error;
    }
  }

  /**
   * A halted projection means a read model no longer follows the events: operators must know. One that parked
   * events it could not apply still follows them: degraded, and still ready.
   */
  private async projectionStates() {
    const indicator = this.indicators.check('projections');
    let halted: { name: string }[];
    let parked: Awaited<ReturnType<ProjectionsService['parkedCounts']>>;
    try {
      [halted, parked] = await answeredWithin(Promise.all([this.projections.halted(), this.projections.parkedCounts()]), CHECK_TIMEOUT_MS);
    } catch {
      return indicator.down({ message: "The projections' checkpoints do not answer" });
    }
    if (halted.length > 0) return indicator.down({ halted });
    return parked.length === 0 ? indicator.up() : indicator.degraded({ parked });
  }

  /** Messages that wait because no NOTIFY_API_KEY is set are not sent, and must not look as if they were: degraded, still ready. */
  private async notifyOutbox() {
    const indicator = this.indicators.check('notify');
    let waiting: number;
    try {
      waiting = await answeredWithin(this.dispatches.waiting(), CHECK_TIMEOUT_MS);
    } catch {
      return indicator.down({ message: 'The outbox does not answer' });
    }
    if (this.outbox.sending) return indicator.up({ sending: true, waiting });
    const details = { sending: false, waiting, message: 'NOTIFY_API_KEY is not set: messages wait in the outbox' };
    return waiting === 0 ? indicator.up(details) : indicator.degraded(details);
  }

  private async eventStore() {
    const indicator = this.indicators.check('eventStore');
    try {
      await answeredWithin(this.store.ping(), CHECK_TIMEOUT_MS);
      return indicator.up();
    } catch {
      return indicator.down({ message: 'The event store does not answer' });
    }
  }
}

/** A check left running after its limit holds a pool client, so the pools' own sizes bound how many pile up. */
function answeredWithin<T>(answer: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)));
  return Promise.race([answer, late]).finally(() => clearTimeout(timer));
}

/**
 * The 503 is a problem+json body like every error; its detail names what is down (and which projections
 * halted) but never a check's own message, which for a halted projection is its handler's error text.
 */
function notReadyDetail(result: HealthCheckResult): string {
  const failures = Object.entries(result.error ?? {}).map(([check, details]) => {
    const halted = (details as { halted?: { name: string }[] }).halted;
    return halted ? `${check} halted: ${halted.map((projection) => projection.name).join(', ')}` : `${check} down`;
  });
  return `Not ready: ${failures.join('; ')}`;
}
