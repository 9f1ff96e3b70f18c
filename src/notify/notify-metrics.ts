import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Counter, Gauge } from 'prom-client';
import type { AppConfig } from '../config/config.schema.ts';
import { Metrics } from '../observability/metrics.ts';
import { NotifyDispatches } from './outbox/notify-dispatches.ts';

/** The outbox's figures: whether it can send at all, what waits (read when scraped), what became of each try. */
@Injectable()
export class NotifyMetrics {
  private readonly outcomes: Counter<'result'>;

  constructor(metrics: Metrics, dispatches: NotifyDispatches, config: ConfigService<AppConfig, true>) {
    const registers = [metrics.registry];
    const configured = config.get('NOTIFY_API_KEY', { infer: true }) ? 1 : 0;
    new Gauge({ name: 'casework_notify_configured', help: '1 when NOTIFY_API_KEY is set and the outbox sends; 0 when messages only wait', registers }).set(configured);
    new Gauge({
      name: 'casework_notify_outbox_waiting',
      help: 'Messages queued and not yet taken by GOV.UK Notify nor failed',
      registers,
      async collect() {
        this.set(await dispatches.waiting().catch(() => Number.NaN));
      },
    });
    this.outcomes = new Counter({ name: 'casework_notify_messages_total', help: 'Tries to send a message through GOV.UK Notify, by result (sent, retried, failed)', labelNames: ['result'], registers });
  }

  sent(): void {
    this.outcomes.inc({ result: 'sent' });
  }

  retried(): void {
    this.outcomes.inc({ result: 'retried' });
  }

  failed(): void {
    this.outcomes.inc({ result: 'failed' });
  }
}
