import type { AppendListener, AppendOptions } from '../event-store.port.ts';
import { DeferredWake } from '../readers-may-wait.ts';
import { CatchUpSubscription, type OpenAllSubscription } from './catch-up-subscription.ts';

const RESTART_DELAY_MS = 1000;

/**
 * Wakes readers when events are appended: listeners in this process when an append returns, and for
 * appends by other processes through one server subscription to $all from its end (`open(undefined)` opens
 * it there), started for the first listener and ended with the last.
 */
export class EventStoreDbAppendSignal {
  private readonly listeners = new Set<AppendListener>();
  private subscription: CatchUpSubscription | undefined;
  private readonly deferred = new DeferredWake((position) => this.appended(position));

  constructor(private readonly open: OpenAllSubscription) {}

  appended(position: bigint, options: AppendOptions = {}): void {
    if (options.readersMayWait) return this.deferred.defer(position);
    this.deferred.woken(position);
    this.wake(position);
  }

  onAppended(listener: AppendListener): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) void this.follow();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) void this.close();
    };
  }

  async close(): Promise<void> {
    this.deferred.cancel();
    const subscription = this.subscription;
    this.subscription = undefined;
    await subscription?.close();
  }

  private wake(position: bigint | undefined): void {
    for (const listener of this.listeners) listener(position);
  }

  private async follow(): Promise<void> {
    while (this.listeners.size > 0) {
      const subscription = (this.subscription = new CatchUpSubscription(this.open, undefined));
      try {
        for await (const event of subscription) this.wake(event.position);
      } catch {
        // Whatever it missed meanwhile, readers find on their next poll.
      }
      if (this.subscription !== subscription) return;
      await new Promise((resolve) => setTimeout(resolve, RESTART_DELAY_MS));
    }
  }
}
