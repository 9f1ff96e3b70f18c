import { InterruptibleSleep } from '../../shared/interruptible-sleep.ts';
import { isUnavailable } from '../../database/unavailable.ts';
import { AppendWaiter, type WaitOptions } from '../append-waiter.ts';
import type { EventStore, RecordedEvent, Subscription } from '../event-store.port.ts';

export interface PollingOptions extends WaitOptions {
  batchSize: number;
}

/**
 * A catch-up subscription over tail reads: history in batches, then live appends as the store's wake-ups
 * announce them (with a slow poll for any it misses). Holds at most one batch in memory; after a lost
 * connection it resumes after the last event it delivered.
 */
export class PollingSubscription implements Subscription {
  private closed = false;
  private readonly waiter: AppendWaiter;
  private readonly pause = new InterruptibleSleep();

  constructor(
    private readonly store: Pick<EventStore, 'readTail' | 'onAppended'>,
    private after: bigint | undefined,
    private readonly eventTypes: readonly string[] | undefined,
    private readonly options: PollingOptions,
  ) {
    this.waiter = new AppendWaiter(options);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    this.waiter.listen(this.store);
    let failures = 0;
    try {
      while (!this.closed) {
        let batch: RecordedEvent[];
        let scannedTo: bigint | undefined;
        let more: boolean;
        try {
          ({ events: batch, scannedTo, more } = await this.store.readTail({ after: this.after, maxCount: this.options.batchSize, eventTypes: this.eventTypes }));
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
        // Nothing of its types up to there: no need to look at it again.
        if (scannedTo !== undefined && (this.after === undefined || scannedTo > this.after)) this.after = scannedTo;
        if (!more) await this.waiter.idle(scannedTo);
      }
    } finally {
      this.waiter.close();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.pause.interrupt();
    this.waiter.close();
  }
}
