/** The sleepers waiting for one tick of the clock and the one timer that wakes them all. */
interface Tick {
  timer: NodeJS.Timeout;
  sleepers: Set<() => void>;
}

/** By the tick's time in ms since the epoch. */
const ticks = new Map<number, Tick>();

/** A delay that `interrupt()` ends early, so a polling loop stops at once when asked to. */
export class InterruptibleSleep {
  private interruptCurrent: (() => void) | undefined;

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.interruptCurrent = done;
    });
  }

  /**
   * Until the clock's next multiple of `periodMs`. Every sleeper of the process waiting for that tick wakes in
   * the same timer callback, before any `process.nextTick`: reads they then make in one go join one batch
   * (a timer each would let the first sleeper's read leave alone, and the others wait for it to share the next).
   */
  untilTick(periodMs: number): Promise<void> {
    const at = (Math.floor(Date.now() / periodMs) + 1) * periodMs;
    let tick = ticks.get(at);
    if (!tick) {
      const sleepers = new Set<() => void>();
      const timer = setTimeout(() => {
        ticks.delete(at);
        for (const wake of [...sleepers]) wake();
      }, at - Date.now());
      tick = { timer, sleepers };
      ticks.set(at, tick);
    }
    const ours = tick;
    return new Promise((resolve) => {
      const done = () => {
        if (!ours.sleepers.delete(done)) return;
        // The last sleeper interrupted before the tick: no timer left to hold the process open.
        if (ours.sleepers.size === 0) {
          clearTimeout(ours.timer);
          if (ticks.get(at) === ours) ticks.delete(at);
        }
        resolve();
      };
      const { sleepers } = ours;
      sleepers.add(done);
      this.interruptCurrent = done;
    });
  }

  interrupt(): void {
    this.interruptCurrent?.();
  }
}
