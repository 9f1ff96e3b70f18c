import type { AllStreamResolvedEvent } from '@kurrent/kurrentdb-client';
import { EventStoreUnavailable } from '../event-store.errors.ts';
import type { RecordedEvent, Subscription } from '../event-store.port.ts';
import { toStoreError } from './error-mapping.ts';
import { toRecordedEvent } from './event-mapping.ts';

/** The part of the client's $all subscription (a Readable) that the catch-up loop uses. */
export interface AllSubscription extends AsyncIterable<AllStreamResolvedEvent> {
  unsubscribe(): Promise<void>;
  destroy(): void;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** Opens a server subscription to $all after a position (exclusive), or from the start. */
export type OpenAllSubscription = (after: bigint | undefined) => AllSubscription;

export interface RetryDelays {
  firstMs: number;
  maxMs: number;
}

const DEFAULT_RETRY_DELAYS: RetryDelays = { firstMs: 100, maxMs: 5_000 };

/**
 * A catch-up subscription that survives dropped connections: when the server subscription fails
 * with a transient error it is reopened after the last delivered position, with capped exponential
 * backoff. Events at or before that position are skipped, so a resubscription neither loses nor
 * repeats events whether the server treats the start position as inclusive or exclusive.
 */
export class CatchUpSubscription implements Subscription {
  private closed = false;
  private current: AllSubscription | undefined;
  private wakeUp: (() => void) | undefined;

  constructor(
    private readonly open: OpenAllSubscription,
    private readonly after: bigint | undefined,
    private readonly onClose: () => void = () => {},
    private readonly retryDelays: RetryDelays = DEFAULT_RETRY_DELAYS,
  ) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<RecordedEvent> {
    let last = this.after;
    let failures = 0;
    while (!this.closed) {
      const subscription = (this.current = this.open(last));
      try {
        for await (const resolved of subscription) {
          if (!resolved.event) continue;
          const event = toRecordedEvent(resolved.event);
          if (last !== undefined && event.position <= last) continue;
          last = event.position;
          failures = 0;
          yield event;
        }
      } catch (error) {
        if (this.closed) return;
        const storeError = toStoreError(error);
        if (!(storeError instanceof EventStoreUnavailable)) throw storeError;
      } finally {
        this.current = undefined;
        await discard(subscription);
      }
      await this.pause(Math.min(this.retryDelays.firstMs * 2 ** failures++, this.retryDelays.maxMs));
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.wakeUp?.();
    // Ending the server stream ends the iteration wherever it is waiting.
    if (this.current) await discard(this.current);
    this.onClose();
  }

  private pause(ms: number): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

async function discard(subscription: AllSubscription): Promise<void> {
  // A stream that never opened cannot be cancelled, and late errors from a dropped stream must not go unhandled.
  subscription.on('error', () => {});
  await subscription.unsubscribe().catch(() => {});
  subscription.destroy();
}
