/**
 * Runs the commands of one case one after another in this process, so they never race each other for
 * the next revision; commands to different cases still run side by side.
 */
export class PerCaseQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run<Result>(caseKey: string, task: () => Promise<Result>): Promise<Result> {
    const previous = this.tails.get(caseKey);
    const result = previous ? previous.then(task) : task();
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(caseKey, tail);
    void tail.then(() => {
      if (this.tails.get(caseKey) === tail) this.tails.delete(caseKey);
    });
    return result;
  }

  /** How many cases have commands running or waiting. */
  get busyCases(): number {
    return this.tails.size;
  }
}
