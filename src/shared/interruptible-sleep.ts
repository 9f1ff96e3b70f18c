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

  interrupt(): void {
    this.interruptCurrent?.();
  }
}
