/**
 * Wakes whoever waits for the process's projections to move on (a commit, or a read that passed more of the
 * log), so that a read-your-writes wait follows them in memory rather than polling the database.
 */
export class ProgressSignal {
  private readonly waiters = new Set<() => void>();

  notify(): void {
    for (const wake of this.waiters) wake();
  }

  /** True when a projection moved on within `timeoutMs`, false when the time ran out first. */
  next(timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const end = (moved: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(moved);
      };
      const wake = () => end(true);
      const timer = setTimeout(() => end(false), timeoutMs);
      this.waiters.add(wake);
    });
  }
}
