import { clusterServerPid } from './embedded-cluster-owner.ts';
import { isAlive } from './process-identity.ts';

/** Cheap (one signal-0 per tick) and quick enough: requests answer 503 with Retry-After meanwhile. */
const CHECK_EVERY_MS = 1_000;
/** A postmaster killed with -9 leaves its backends for a moment; the new one refuses to start until they are gone. */
const FIRST_RETRY_MS = 500;
const LONGEST_RETRY_MS = 15_000;

export interface EmbeddedServerControl {
  clusterDir: string;
  /** Starts the server again on the same port, so every pool's URL still reaches it. */
  start(): Promise<void>;
  log?: (line: string) => void;
}

export interface Watchdog {
  /** Stops watching; true when the server is still running (and so is the caller's to stop). */
  stop(): boolean;
}

/**
 * Starts the embedded server again when it dies under the service (`kill -9`, the OOM killer). A server of
 * our own has no operator to restart it; PostgreSQL's crash recovery replays its WAL on the new start.
 */
export async function watchEmbeddedServer(control: EmbeddedServerControl): Promise<Watchdog> {
  let pid = await clusterServerPid(control.clusterDir);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const schedule = (delayMs: number, check: () => Promise<void>) => {
    if (!stopped) timer = setTimeout(() => void check(), delayMs).unref();
  };
  const restart = async (delayMs: number): Promise<void> => {
    try {
      await control.start();
      pid = await clusterServerPid(control.clusterDir);
      control.log?.(`The embedded PostgreSQL is running again (pid ${pid})`);
      schedule(CHECK_EVERY_MS, check);
    } catch (error) {
      control.log?.(`The embedded PostgreSQL did not start again (${(error as Error)?.message ?? 'it exited'}); retrying in ${delayMs} ms`);
      schedule(delayMs, () => restart(Math.min(delayMs * 2, LONGEST_RETRY_MS)));
    }
  };
  const check = async (): Promise<void> => {
    if (pid !== undefined && isAlive(pid)) return schedule(CHECK_EVERY_MS, check);
    control.log?.(`The embedded PostgreSQL (pid ${pid}) stopped without being asked to: starting it again`);
    await restart(FIRST_RETRY_MS);
  };
  schedule(CHECK_EVERY_MS, check);
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
      return pid !== undefined && isAlive(pid);
    },
  };
}
