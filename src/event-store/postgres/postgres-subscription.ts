import { InterruptibleSleep } from '../../shared/interruptible-sleep.ts';
import type { ReadAllOptions, RecordedEvent, Subscription } from '../event-store.port.ts';
import { isUnavailable } from '../../database/unavailable.ts';

export interface PollingOptions {
  batchSize: number;
  /** Wait after an empty read right after activity; doubles while idle up to maxDelayMs. */
  minDelayMs: number;
  maxDelayMs: number;
}

/**
 * A catch-up subscription over `readAll`: history in batches, then short adaptive polling for live
 * appends. Polling rather than LISTEN/NOTIFY because NOTIFY serialises committing transactions on
 * one lock, which would cap concurrent append throughput. Holds at most one batch in memory; after
 * a lost connection it resumes after the last event it delivered.
 */
export class PollingSubscription implements Subscription {
  private closed = false;
  private readonly pause = new InterruptibleSleep();

  constructor(
    private readonly readAll: (options: ReadAllOptions) => Promise<RecordedEvent[]>,
    private after: bigint | undefined,
    private readonly eventTypes: readonly string[] | undefined,
    private readonly options: PollingOptions,
  ) {}

  async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    let delay = this.options.minDelayMs;
    let failures = 0;
    while (!this.closed) {
      let batch: RecordedEvent[];
      try {
        batch = await this.readAll({ after: this.after, maxCount: this.options.batchSize, eventTypes: this.eventTypes });
        failures = 0;
      } catch (error) {
        if (this.closed) return;
        if (!isUnavailable(error)) throw error;
        failures += 1;
        await this.pause.sleep(Math.min(5000, 50 * 2 ** failures));
        continue;
      }
      for (const event of batch) {
        if (this.closed) return;
        this.after = event.position;
        yield event;
      }
      if (batch.length > 0) {
        delay = this.options.minDelayMs;
        continue;
      }
      await this.pause.sleep(delay);
      delay = Math.min(delay * 2, this.options.maxDelayMs);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.pause.interrupt();
  }
}
