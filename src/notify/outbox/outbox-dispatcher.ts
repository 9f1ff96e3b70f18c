import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../../config/config.schema.ts';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.port.ts';
import { ERASED, RESTRICTED } from '../../personal-data/field-cipher.ts';
import type { QueuedMessage } from '../../shared/domain/notify-message.ts';
import { InterruptibleSleep } from '../../shared/interruptible-sleep.ts';
import { MessageOutcomes } from '../message-outcomes.ts';
import { NotifyMetrics } from '../notify-metrics.ts';
import { NotifyDispatches, type ClaimedMessage } from './notify-dispatches.ts';
import { NotifyGateway, type OutgoingMessage } from './notify-gateway.ts';

const BATCH = 20;
const IDLE_POLL_MS = 500;
/** Tries before a message Notify keeps not taking becomes a failed contact attempt: with the default 30 s base, about a day. */
export const MAX_ATTEMPTS = 12;
const MAX_RETRY_DELAY_MS = 6 * 3_600_000;

/**
 * Sends the outbox through GOV.UK Notify, each message once: Notify's `reference` is the queuing event's id, each
 * try is committed before it is made, and a try after the first asks Notify for the reference before sending, so
 * a process stopped between Notify taking a message and this recording it neither sends it twice nor loses it.
 * Without NOTIFY_API_KEY nothing is sent: messages wait, and health and metrics say so.
 */
@Injectable()
export class OutboxDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('NotifyOutbox');
  private readonly gateway: NotifyGateway | undefined;
  private readonly retryBaseMs: number;
  private readonly pause = new InterruptibleSleep();
  private running: Promise<void> | undefined;
  private stopping = false;

  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly dispatches: NotifyDispatches,
    private readonly outcomes: MessageOutcomes,
    private readonly metrics: NotifyMetrics,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {
    const apiKey = config.get('NOTIFY_API_KEY', { infer: true });
    this.gateway = apiKey ? new NotifyGateway(apiKey, config.get('NOTIFY_BASE_URL', { infer: true })) : undefined;
    this.retryBaseMs = config.get('NOTIFY_RETRY_BASE_MS', { infer: true });
  }

  get sending(): boolean {
    return this.gateway !== undefined;
  }

  onApplicationBootstrap(): void {
    if (!this.gateway) {
      this.logger.warn('NOTIFY_API_KEY is not set: messages to victims wait in the outbox');
      return;
    }
    this.running = this.run(this.gateway);
  }

  /** Before the database connections close, so a try under way is recorded. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.pause.interrupt();
    await this.running;
  }

  private async run(gateway: NotifyGateway): Promise<void> {
    while (!this.stopping) {
      let claimed: ClaimedMessage[] = [];
      try {
        claimed = await this.dispatches.claimDue(BATCH);
        await Promise.all(claimed.map((message) => this.deliver(gateway, message)));
      } catch (error) {
        // A database away: the claims' leases run out and the messages are tried again.
        this.logger.warn(`Outbox not sent: ${(error as Error).name}`);
      }
      if (claimed.length < BATCH && !this.stopping) await this.pause.sleep(IDLE_POLL_MS);
    }
  }

  private async deliver(gateway: NotifyGateway, claim: ClaimedMessage): Promise<void> {
    try {
      const message = await this.messageOf(claim);
      if (!message) return await this.fail(claim, 'undeliverable', 'personal-data-unavailable');
      const earlier = claim.attempts > 1 ? await gateway.sentEarlier(claim.id) : undefined;
      if (earlier) return await this.taken(claim, earlier);
      const outcome = await gateway.send(message);
      if (outcome.taken) return await this.taken(claim, outcome.notificationId);
      if (outcome.permanent) return await this.fail(claim, 'rejected', outcome.error);
      await this.retry(claim, outcome.error);
    } catch (error) {
      await this.retry(claim, (error as Error).name);
    }
  }

  private async taken(claim: ClaimedMessage, notificationId: string): Promise<void> {
    await this.dispatches.sent(claim.id, notificationId);
    this.metrics.sent();
  }

  private async retry(claim: ClaimedMessage, error: string): Promise<void> {
    if (claim.attempts >= MAX_ATTEMPTS) return this.fail(claim, 'technical-failure', error);
    await this.dispatches.retryLater(claim.id, retryDelay(this.retryBaseMs, claim.attempts), error);
    this.metrics.retried();
  }

  /** The failed contact attempt goes on the case first: should the process stop before the outbox is told, the next try records it once. */
  private async fail(claim: ClaimedMessage, reason: 'rejected' | 'technical-failure' | 'undeliverable', error: string): Promise<void> {
    await this.outcomes.failed(claim, reason, claim.id);
    await this.dispatches.failed(claim.id, error);
    this.metrics.failed();
  }

  /** The message as queued, or undefined when its recipient's data was erased or restricted since. */
  private async messageOf(claim: ClaimedMessage): Promise<OutgoingMessage | undefined> {
    const events = await this.store.readStream(claim.stream);
    const queued = events.find((event) => event.id === claim.id);
    if (!queued) throw new Error('QueuedMessageNotFound');
    const { channel, templateId, recipient, personalisation } = queued.data as unknown as QueuedMessage;
    if (typeof recipient !== 'string' || recipient === ERASED || recipient === RESTRICTED || typeof personalisation !== 'object' || personalisation === null) return undefined;
    return { reference: claim.id, channel, templateId, recipient, personalisation };
  }
}

/** Doubling from the base with some jitter, so messages Notify refused together are not retried together. */
export function retryDelay(baseMs: number, attempts: number): number {
  const ceiling = Math.min(baseMs * 2 ** (attempts - 1), MAX_RETRY_DELAY_MS);
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}
