/**
 * Runs the commands of one case one after another in this process, so they never race each other for
 * the next revision; commands to different cases still run side by side. A task that fails in a way
 * `failsThoseQueued` names (the database away) fails the tasks then queued behind it with the same error, at
 * once: each would otherwise wait out its own timeout in turn. Any other failure lets the next task run.
 */
export class PerCaseQueue {
  private readonly tails = new Map<string, Promise<void>>();

  constructor(private readonly failsThoseQueued: (error: unknown) => boolean = () => false) {}

  run<Result>(caseKey: string, task: () => Promise<Result>): Promise<Result> {
    const previous = this.tails.get(caseKey);
    const result = previous ? previous.then(task) : task();
    const tail = result.then(
      () => undefined,
      (error: unknown) => {
        if (this.failsThoseQueued(error)) throw error;
      },
    );
    this.tails.set(caseKey, tail);
    const forget = () => {
      if (this.tails.get(caseKey) === tail) this.tails.delete(caseKey);
    };
    void tail.then(forget, forget);
    return result;
  }

  /** How many cases have commands running or waiting. */
  get busyCases(): number {
    return this.tails.size;
  }
}
