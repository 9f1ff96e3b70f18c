import type { EventStore } from './event-store.port.ts';
import { InterruptibleSleep } from '../shared/interruptible-sleep.ts';

export interface WaitOptions {
  /**
   * After a wake-up, the pause before reading, so that the appends of a busy moment share one read; and after a
   * wake-up for an event not yet readable (an older transaction is still open), the first pause, doubling up to
   * maxIdleDelayMs.
   */
  idleDelayMs: number;
  maxIdleDelayMs: number;
  /** With no wake-up, how long a reader waits before reading anyway: what a missed wake-up costs at most. */
  safetyPollMs: number;
}

/**
 * Between reads of a caught-up reader: waits for the store to say events were appended, rather than polling.
 * A wake-up can come before its event is readable: readers stop at the oldest transaction still open, so an
 * event committed after an older append began stays out of reach until that append ends. Until a read has
 * passed the position it was woken for, the reader reads again after short, growing pauses.
 */
export class AppendWaiter {
  private readonly pause = new InterruptibleSleep();
  private woken = false;
  /** The newest position a wake-up named that no read has passed yet. */
  private awaited: bigint | undefined;
  private delay: number;
  private stopListening: (() => void) | undefined;
  private closed = false;

  constructor(private readonly options: WaitOptions) {
    this.delay = options.idleDelayMs;
  }

  listen(store: Pick<EventStore, 'onAppended'>): void {
    this.closed = false;
    this.stopListening ??= store.onAppended((position) => this.wake(position));
  }

  /** Ends the current wait and every later one: a reader closed while it was reading must not then wait out a poll. */
  close(): void {
    this.closed = true;
    this.stopListening?.();
    this.stopListening = undefined;
    this.pause.interrupt();
  }

  /** After a read that found nothing new and passed `scannedTo`: returns when the next read is due. */
  async idle(scannedTo: bigint | undefined): Promise<void> {
    if (this.closed) return;
    if (this.awaited !== undefined && scannedTo !== undefined && scannedTo >= this.awaited) this.awaited = undefined;
    if (this.woken) {
      this.delay = this.options.idleDelayMs;
      // Not cut short by the next wake-up: under load, that would be a read per append.
      await new Promise((resolve) => setTimeout(resolve, this.options.idleDelayMs));
    } else if (this.awaited !== undefined) {
      await this.pause.sleep(this.delay);
      this.delay = Math.min(this.delay * 2, this.options.maxIdleDelayMs);
    } else {
      this.delay = this.options.idleDelayMs;
      // On the clock's tick, woken together with the process's other readers, so that their reads are shared.
      await this.pause.untilTick(this.options.safetyPollMs);
    }
    // The read that follows sees whatever this wake-up was for.
    this.woken = false;
  }

  private wake(position: bigint | undefined): void {
    this.woken = true;
    if (position !== undefined && (this.awaited === undefined || position > this.awaited)) this.awaited = position;
    this.pause.interrupt();
  }
}
