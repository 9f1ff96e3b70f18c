import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

const SECONDS_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/**
 * Every metric of one application, in a registry of its own rather than prom-client's global one, so
 * several applications in one process (the end-to-end tests) do not count into each other.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  private readonly registers = [this.registry];

  readonly commands = new Counter({
    name: 'casework_commands_total',
    help: 'Commands handled, by domain command type and result (ok, rejected, invalid, not-found, conflict, error)',
    labelNames: ['command_type', 'result'] as const,
    registers: this.registers,
  });
  readonly commandDuration = new Histogram({
    name: 'casework_command_duration_seconds',
    help: 'Time from reading the stream to the append (retries included), by command type and result',
    labelNames: ['command_type', 'result'] as const,
    buckets: SECONDS_BUCKETS,
    registers: this.registers,
  });
  readonly appendDuration = new Histogram({
    name: 'casework_event_store_append_duration_seconds',
    help: 'Event-store appends made by commands, conflicts included',
    buckets: SECONDS_BUCKETS,
    registers: this.registers,
  });
  readonly appendConflicts = new Counter({
    name: 'casework_event_store_append_conflicts_total',
    help: 'Appends refused because the stream moved on since it was read (the command re-reads, or answers 412 with If-Match)',
    registers: this.registers,
  });
  readonly httpRequests = new Counter({
    name: 'casework_http_requests_total',
    help: 'HTTP requests answered, by method, route template and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    registers: this.registers,
  });
  readonly httpDuration = new Histogram({
    name: 'casework_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route template and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: SECONDS_BUCKETS,
    registers: this.registers,
  });
  readonly authFailures = new Counter({
    name: 'casework_auth_failures_total',
    help: 'Requests refused authentication, by reason (missing-token, invalid-token, expired, invalid-claims, issued-in-future, too-long-lived, too-old, throttled)',
    labelNames: ['reason'] as const,
    registers: this.registers,
  });
  readonly projectionLagEvents = new Gauge({
    name: 'casework_projection_lag_events',
    help: 'Events of its types the projection has yet to apply (counted up to 10000)',
    labelNames: ['projection'] as const,
    registers: this.registers,
  });
  readonly projectionLagSeconds = new Gauge({
    name: 'casework_projection_lag_seconds',
    help: 'Age of the oldest event the projection has yet to apply',
    labelNames: ['projection'] as const,
    registers: this.registers,
  });
  readonly projectionState = new Gauge({
    name: 'casework_projection_state',
    help: '1 for the state each projection is in (live, rebuilding, failed, not-started), 0 for the others',
    labelNames: ['projection', 'state'] as const,
    registers: this.registers,
  });

  readonly projectionParkedEvents = new Gauge({
    name: 'casework_projection_parked_events',
    help: 'Events the projection could not apply and went past, until an administrator replays them',
    labelNames: ['projection'] as const,
    registers: this.registers,
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
