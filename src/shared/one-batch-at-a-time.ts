import DataLoader from 'dataloader';

/**
 * Schedules batched reads so that one runs at a time and every caller who arrives while it runs
 * joins the next, which starts only once they have arrived. A caller therefore always sees what
 * was committed before it asked (an erased key, a new settings list) while many concurrent callers
 * share one query instead of each sending its own.
 */
export class OneBatchAtATime {
  private running: Promise<unknown> | undefined;

  /** A DataLoader `batchScheduleFn`: dispatch now, or as soon as the batch in flight has settled. */
  readonly schedule = (dispatch: () => void): void => {
    if (this.running) void this.running.then(dispatch, dispatch);
    else process.nextTick(dispatch);
  };

  /** Marks a batch as in flight until it settles. */
  track<T>(batch: Promise<T>): Promise<T> {
    const settled = batch.then(
      () => undefined,
      () => undefined,
    );
    this.running = settled;
    void settled.then(() => {
      if (this.running === settled) this.running = undefined;
    });
    return batch;
  }
}

/** A loader (never caching) whose batches run one at a time, each holding every load made while the last ran; an Error in a batch's answer fails that load only. */
export function oneBatchAtATime<K, V>(batch: (keys: readonly K[]) => Promise<(V | Error)[]>): DataLoader<K, V> {
  const scheduler = new OneBatchAtATime();
  return new DataLoader<K, V>((keys) => scheduler.track(batch(keys)), { cache: false, batchScheduleFn: scheduler.schedule });
}

/** One read at a time for any number of concurrent callers, each caller's read starting after its call. */
export function coalesced<T>(read: () => Promise<T>): () => Promise<T> {
  const callers = oneBatchAtATime<'latest', T>((waiting) => read().then((value) => waiting.map(() => value)));
  return () => callers.load('latest');
}
