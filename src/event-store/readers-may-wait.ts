/** How long readers of events that may wait (see `AppendOptions.readersMayWait`) wait at most to be woken. */
export const READERS_MAY_WAIT_MS = 200;

/**
 * Appends whose readers may wait: the newest of their positions is passed on once, a moment after the first,
 * unless a wake-up for a position at or past it went out meanwhile.
 */
export class DeferredWake {
  private newest: bigint | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly wake: (position: bigint) => void,
    private readonly delayMs = READERS_MAY_WAIT_MS,
  ) {}

  defer(position: bigint): void {
    if (this.newest === undefined || position > this.newest) this.newest = position;
    // Never what keeps a closing process alive: another process's readers find the events on their next poll.
    this.timer ??= setTimeout(() => this.fire(), this.delayMs).unref();
  }

  /** A wake-up went out for this position: deferred ones at or before it need none of their own. */
  woken(position: bigint): void {
    if (this.newest !== undefined && position >= this.newest) this.cancel();
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.newest = undefined;
  }

  private fire(): void {
    const position = this.newest;
    this.cancel();
    if (position !== undefined) this.wake(position);
  }
}
