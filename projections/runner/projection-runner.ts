import { withClient } from '../../src/database/pool.ts';
import { isUnavailable } from '../../src/database/unavailable.ts';
import { InterruptibleSleep } from '../../src/shared/interruptible-sleep.ts';
import type { Pool, PoolClient } from 'pg';
import type { EventCatalog } from '../../src/event-store/event-catalog.ts';
import type { EventStore, RecordedEvent, TailRead } from '../../src/event-store/event-store.port.ts';
import { LRUCache } from 'lru-cache';
import { applyBatch, foldBatch, writeRows, writeRowsAdvancing, type FoldedRows, type FoldSources } from './apply-batch.ts';
import { AppendWaiter, type WaitOptions } from '../../src/event-store/append-waiter.ts';
import { advanceStatement, checkpoints, type Checkpoint } from './checkpoint-store.ts';
import type { Projection, ReadModelRow } from './projection.ts';
import { createShadowTable, indexShadowTable, shadowTableOf, swapShadowTable } from './shadow-table.ts';
import { TailReader } from './tail-reader.ts';
import { inTransaction } from './transaction.ts';
import { EventNotApplied, failureMessage, isEventFailure } from './event-failure.ts';
import { applyEventByEvent } from './park-failing-events.ts';
import { parkedEvents, type ParkTarget } from './parked-events.ts';

export interface ProjectionRunnerOptions extends WaitOptions {
  batchSize: number;
  /**
   * A projection that found none of its events still moves its checkpoint past those it read, so it never
   * reads them again, but at most this often: an idle one writes nothing.
   */
  skipCheckpointMs: number;
  /** How often a standby instance tries to take over the projection. */
  standbyDelayMs: number;
  maxBackoffMs: number;
  /** How often an event that fails alone is tried before it is parked, and the pause before the next try (doubling). */
  parkAfterAttempts: number;
  parkRetryDelayMs: number;
  log: (level: 'log' | 'warn' | 'error', message: string) => void;
  /** Told each time the live read model moves on: its checkpoint, or how far it has read past it. */
  progressed?: () => void;
}

export const DEFAULT_RUNNER_OPTIONS: Omit<ProjectionRunnerOptions, 'log'> = {
  batchSize: 2000,
  idleDelayMs: 5,
  maxIdleDelayMs: 50,
  safetyPollMs: 1000,
  // A stale checkpoint costs only a re-scan of the log's last seconds after a restart (read-your-writes looks past it).
  skipCheckpointMs: 10_000,
  standbyDelayMs: 1000,
  maxBackoffMs: 60_000,
  parkAfterAttempts: 3,
  parkRetryDelayMs: 250,
};

/** How often an idle runner looks for a rebuild requested by an admin route or another process. */
const REBUILD_REQUEST_POLL_MS = 1000;

/** Live rows a runner keeps as it wrote them, so that the next event of a case just changed is folded without a read. */
const WRITTEN_ROWS_KEPT = 2000;

/** A database that is away is retried at least this often, so the projection resumes soon after it returns. */
const UNAVAILABLE_MAX_BACKOFF_MS = 5000;

/** A rebuild batch folded while the one before it was being written. */
interface FoldedBatch {
  rows: FoldedRows;
  /** How far its read looked: its last event, or past it where no event of the projection's types lay. */
  last: bigint;
  /** Its read stopped before the tail, so more are likely waiting. */
  full: boolean;
}

/** Another instance advanced the checkpoint under us: stop writing, re-read, carry on. */
class CheckpointMoved extends Error {
  override readonly name = 'CheckpointMoved';
}

/**
 * Keeps one projection's read model equal to the fold of the event store's global order. Each batch
 * of events and the checkpoint after it commit in one PostgreSQL transaction, so a crash at any point
 * resumes exactly after the last committed batch. One instance per projection is active (a
 * session advisory lock); others stand by and take over when its session ends. A rebuild fills a
 * shadow table from the first event alongside the live one, indexes it once caught up, and swaps it in
 * atomically.
 */
export class ProjectionRunner {
  private stopping = false;
  private loop: Promise<void> | undefined;
  private readonly pause = new InterruptibleSleep();
  private readonly waiter: AppendWaiter;
  private checkpoint: Checkpoint | undefined;
  /** How far the live step has read: at or past the checkpoint, which follows it when a batch commits or now and then. */
  private scanned: bigint | null = null;
  /** Its last live read reached the end of the log, so the next one shares the process's read of the tail. */
  private caughtUp = false;
  private checkpointWrittenAt = 0;
  /** The next rebuild batch, folded but not written; valid only until the runner stops or fails. */
  private folded: FoldedBatch | undefined;
  /** The rebuild's read after the batch being folded, started before its fold; valid as long as `folded`. */
  private readAhead: { after: bigint; read: Promise<TailRead> } | undefined;
  /** This instance holds the projection's lock, so its checkpoint and reads are the projection's. */
  private leading = false;
  /**
   * The live rows as this runner's last commits left them. They are the table's while it leads and the checkpoint
   * it knows is the stored one: every other write to the live table (a parked event replayed) counts itself in
   * the checkpoint, which fences this runner's next commit and is seen when the checkpoint is read again. Dropped
   * whenever a write fails or the checkpoint is read anew with anything else moved.
   */
  private readonly written = new LRUCache<string, ReadModelRow>({ max: WRITTEN_ROWS_KEPT });

  constructor(
    private readonly pool: Pool,
    private readonly store: EventStore,
    private readonly catalog: EventCatalog,
    readonly projection: Projection,
    private readonly options: ProjectionRunnerOptions,
    /** Shared by a process's runners; one of its own otherwise. */
    private readonly tail: TailReader = new TailReader(options.batchSize),
  ) {
    this.waiter = new AppendWaiter(options);
  }

  start(): void {
    this.stopping = false;
    this.waiter.listen(this.store);
    this.loop ??= this.run().finally(() => (this.loop = undefined));
  }

  /** Stops at a batch boundary: a batch in flight commits or rolls back whole. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.pause.interrupt();
    this.waiter.close();
    await this.loop;
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      try {
        await withClient(this.pool, (client) => this.lead(client));
        failures = 0;
      } catch (error) {
        failures += 1;
        const unavailable = isUnavailable(error);
        if (error instanceof CheckpointMoved) failures = 0;
        // Not a fault of the projection: nothing to record (the database may not take it), and readiness already says so.
        else if (unavailable) this.options.log('warn', `Projection ${this.projection.name}: the database is unavailable (attempt ${failures}), resuming from the checkpoint`);
        else await this.reportFailure(error, failures);
        if (!this.stopping) await this.pause.sleep(Math.min(unavailable ? UNAVAILABLE_MAX_BACKOFF_MS : this.options.maxBackoffMs, 250 * 2 ** Math.min(failures, 16)));
      }
    }
  }

  /** Follows the projection while this instance holds its lock; stands by a while when another instance does. */
  private async lead(client: PoolClient): Promise<void> {
    if (!(await this.tryLock(client))) return this.pause.sleep(this.options.standbyDelayMs);
    this.leading = true;
    try {
      await this.follow(client);
    } finally {
      this.leading = false;
      this.written.clear();
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [this.lockName]).catch(() => undefined);
    }
  }

  /**
   * While this instance leads: the position up to which the read model holds every event of its types (null
   * before the first event), as the database would answer but without asking it. Undefined otherwise.
   */
  projectedThrough(): bigint | null | undefined {
    return this.leading && this.checkpoint ? later(this.checkpoint.position, this.scanned) : undefined;
  }

  private get lockName(): string {
    return `casework-projection:${this.projection.name}`;
  }

  private async tryLock(client: PoolClient): Promise<boolean> {
    const result = await client.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [this.lockName]);
    return result.rows[0].locked === true;
  }

  private async follow(client: PoolClient): Promise<void> {
    const { name, version } = this.projection;
    this.folded = undefined;
    this.readAhead = undefined;
    this.scanned = null;
    this.caughtUp = false;
    this.adopt(await checkpoints.ensure(client, name, version));
    if (this.checkpoint!.version !== version && this.checkpoint!.rebuildVersion !== version) {
      this.options.log('log', `Projection ${name}: version ${this.checkpoint!.version} -> ${version}, rebuilding`);
      await checkpoints.startRebuild(client, name, version);
      await this.reloadCheckpoint(client);
    }
    let lastRefresh = Date.now();
    while (!this.stopping) {
      const liveWorked = await this.liveStep(client);
      const rebuildWorked = await this.rebuildStep(client);
      if (liveWorked || rebuildWorked) continue;
      // Idle: pick up rebuild requests, once in each period of the clock: woken on its ticks, the runners then
      // ask together (one shared read), where "a period since my last look" would skip every other tick at random.
      if (Math.floor(Date.now() / REBUILD_REQUEST_POLL_MS) !== Math.floor(lastRefresh / REBUILD_REQUEST_POLL_MS)) {
        this.adopt((await checkpoints.readShared(this.pool, name))!);
        lastRefresh = Date.now();
      }
      await this.waiter.idle(this.scanned ?? undefined);
    }
  }

  /** Applies the projection's next events, if any; whether more are likely waiting. */
  private async liveStep(client: PoolClient): Promise<boolean> {
    const stored = this.checkpoint!.position;
    const after = later(stored, this.scanned);
    const batch = await this.tail.read({ source: this.store, after, eventTypes: this.projection.eventTypes }, this.caughtUp);
    this.caughtUp = !batch.full;
    const through = later(later(after, batch.scannedTo ?? null), batch.events.at(-1)?.position ?? null);
    if (batch.events.length > 0) {
      try {
        await this.commitLive(client, through!, batch.events);
      } catch (error) {
        if (!isEventFailure(error)) throw error;
        await this.eventByEvent(client, 'live', batch.events, error);
        return true;
      }
      this.scanned = through;
      // A read that reached the tail is not followed at once by another: an append since wakes the runner.
      return batch.full;
    }
    if (through !== this.scanned) {
      this.scanned = through;
      this.options.progressed?.();
    }
    if (through !== stored && Date.now() - this.checkpointWrittenAt >= this.options.skipCheckpointMs) await this.commit(client, 'live', through!);
    return batch.full;
  }

  private async rebuildStep(client: PoolClient): Promise<boolean> {
    const { table, name } = this.projection;
    const checkpoint = this.checkpoint!;
    if (checkpoint.rebuildVersion === null) return false;
    // No batch of this rebuild has committed yet, so whatever the shadow table holds is stale.
    if (checkpoint.rebuildPosition === null) {
      await createShadowTable(client, table);
      await parkedEvents.forgetRebuild(client, name);
    }
    try {
      if (await this.rebuildBatchStep(client)) return true;
    } catch (error) {
      this.folded = undefined;
      this.readAhead = undefined;
      if (!isEventFailure(error)) throw error;
      await this.eventByEvent(client, 'rebuild', (await this.rebuildBatch(this.checkpoint!.rebuildPosition)).events, error);
      return true;
    }
    // Caught up: index the shadow table now, then catch up on what arrived while it was indexed. A rebuild
    // that applied no event has nothing to catch up on (and its next step would create the table anew).
    const indexing = Date.now();
    if (await indexShadowTable(client, table)) {
      this.options.log('log', `Projection ${name}: rebuild caught up, its table indexed in ${Date.now() - indexing} ms`);
      if (checkpoint.rebuildPosition !== null) return true;
    }
    // Swap, and let the live step go on from where the rebuild stopped.
    await inTransaction(client, async () => {
      await this.lockCheckpoint(client, 'rebuild');
      await swapShadowTable(client, table);
      await parkedEvents.swapRebuild(client, name);
      await checkpoints.finishRebuild(client, name);
    });
    this.written.clear();
    await this.reloadCheckpoint(client);
    this.options.log('log', `Projection ${name}: rebuilt as version ${this.checkpoint!.version} and swapped in`);
    return true;
  }

  /** Writes the rebuild's next batch, if there is one; false once the rebuild has caught up. */
  private async rebuildBatchStep(client: PoolClient): Promise<boolean> {
    const batch = this.folded ?? (await this.foldRebuildBatch(this.checkpoint!.rebuildPosition));
    this.folded = undefined;
    if (!batch) return false;
    // The next batch is read and folded while this one is written, so Node.js and PostgreSQL work at once;
    // both are waited for even if one fails, so nothing is still writing when the runner goes on.
    const [written, next] = await Promise.allSettled([
      this.commit(client, 'rebuild', batch.last, batch.rows.size === 0 ? undefined : (shadow) => writeRows(client, shadow, batch.rows)),
      batch.full ? this.foldRebuildBatch(batch.last, batch.rows) : undefined,
    ]);
    if (written.status === 'rejected') throw written.reason;
    if (next.status === 'rejected') throw next.reason;
    this.folded = next.value;
    return true;
  }

  /**
   * A batch failed on what one of its events says: its events one at a time up to the one that keeps failing,
   * which is parked. Those before the event a handler named are applied as one batch first.
   */
  private async eventByEvent(client: PoolClient, target: ParkTarget, events: readonly RecordedEvent[], error: unknown): Promise<void> {
    const { name } = this.projection;
    const named = error instanceof EventNotApplied ? events.findIndex((event) => event.position === error.event.position) : -1;
    const applied = named > 0 && (await this.commitPrefix(client, target, events.slice(0, named)));
    await applyEventByEvent(applied ? events.slice(named) : events, {
      attempts: this.options.parkAfterAttempts,
      stopping: () => this.stopping,
      pause: (attempt) => this.pause.sleep(this.options.parkRetryDelayMs * 2 ** (attempt - 1)),
      apply: (event) => this.commit(client, target, event.position, (table) => applyBatch(client, this.projection, table, [event], this.sources)),
      park: async (event, error, attempts) => {
        const message = failureMessage(error, event);
        await this.commit(client, target, event.position, () => parkedEvents.park(client, name, target, event, message, attempts));
        this.options.log('error', `Projection ${name} parked ${event.type} at position ${event.position} (${event.stream} #${event.revision}) after ${attempts} attempts and went on: ${message}`);
      },
    });
  }

  /** Applies events a failed fold went through before the failing one; false if they fail too, as a write may. */
  private async commitPrefix(client: PoolClient, target: ParkTarget, events: readonly RecordedEvent[]): Promise<boolean> {
    try {
      await this.commit(client, target, events.at(-1)!.position, (table) => applyBatch(client, this.projection, table, events, this.sources));
      return true;
    } catch (error) {
      if (!isEventFailure(error)) throw error;
      return false;
    }
  }

  private get sources(): FoldSources {
    return { catalog: this.catalog, source: this.store };
  }

  private async reloadCheckpoint(client: PoolClient): Promise<void> {
    this.adopt((await checkpoints.read(client, this.projection.name))!);
  }

  /** What the live step has read past the checkpoint holds only while the checkpoint stays where it was. */
  private adopt(checkpoint: Checkpoint): void {
    if (checkpoint.position !== this.checkpoint?.position) this.scanned = null;
    if (checkpoint.position !== this.checkpoint?.position || checkpoint.outsideWrites !== this.checkpoint?.outsideWrites) this.written.clear();
    this.checkpoint = checkpoint;
  }

  private rebuildBatch(after: bigint | null): Promise<TailRead> {
    return this.store.readTail({ after: after ?? undefined, maxCount: this.options.batchSize, eventTypes: this.projection.eventTypes });
  }

  /**
   * Reads the rebuild's next batch after `after` and folds it on a connection of its own (the runner's is
   * writing meanwhile), taking the rows of the batch still being written from memory. A read that found none of
   * the projection's events but stopped short of the tail is a batch of no rows that moves the rebuild on.
   */
  private async foldRebuildBatch(after: bigint | null, unwritten?: FoldedRows): Promise<FoldedBatch | undefined> {
    const ahead = this.readAhead;
    this.readAhead = undefined;
    const { events, scannedTo, more } = await (ahead !== undefined && ahead.after === after ? ahead.read : this.rebuildBatch(after));
    const last = later(events.at(-1)?.position ?? null, more ? (scannedTo ?? null) : null);
    if (last === null || (after !== null && last <= after)) return undefined;
    // The next read runs in PostgreSQL while this batch is folded, so the fold after it does not wait for it.
    if (more) this.readAheadAfter(last);
    const rows = events.length === 0 ? new Map() : await foldBatch(this.pool, this.projection, shadowTableOf(this.projection.table), events, this.sources, { unwritten, inOrder: true });
    return { rows, last, full: more };
  }

  private readAheadAfter(after: bigint): void {
    const read = this.rebuildBatch(after);
    // Not unhandled meanwhile: a failed read fails the fold that takes it, and one no fold takes is moot.
    read.catch(() => undefined);
    this.readAhead = { after, read };
  }

  /** Writes a batch (`write` gets the table) and the checkpoint after it in one transaction; without a batch, the checkpoint alone. */
  private async commit(client: PoolClient, target: 'live' | 'rebuild', last: bigint, write?: (table: string) => Promise<void>): Promise<void> {
    const { table, name } = this.projection;
    // Fencing first: the batch was read after our checkpoint, and if the stored one moved, another writer ran. The
    // checkpoint's row lock is so taken before any read-model row's, in the order a parked event's replay takes them.
    const advance = async () => {
      if (!(await checkpoints.advance(client, name, target, last, this.checkpoint))) throw new CheckpointMoved(`Checkpoint of ${name} moved`);
    };
    // Rows written here are not the kept ones' (a parked event's, one at a time): kept rows may be stale.
    if (target === 'live' && write) this.written.clear();
    if (!write) await advance();
    else
      await inTransaction(client, async () => {
        await advance();
        await write(target === 'live' ? table : shadowTableOf(table));
      });
    this.movedTo(target, last);
  }

  private movedTo(target: 'live' | 'rebuild', last: bigint): void {
    this.checkpoint = { ...this.checkpoint!, ...(target === 'live' ? { position: last } : { rebuildPosition: last }), lastError: null };
    if (target === 'live') {
      this.checkpointWrittenAt = Date.now();
      this.options.progressed?.();
    }
  }

  /**
   * Folds a live batch, then writes its rows and the checkpoint after it in one statement: the fold reads the rows
   * outside any transaction, which holds because the statement writes only if neither the checkpoint nor the
   * count of outside writes moved since (this runner is the only other writer, under its lock).
   */
  private async commitLive(client: PoolClient, last: bigint, events: readonly RecordedEvent[]): Promise<void> {
    const { table, name } = this.projection;
    try {
      const rows = await foldBatch(client, this.projection, table, events, this.sources, { written: this.written, inOrder: true });
      const advanced = await writeRowsAdvancing(client, table, rows, advanceStatement(name, 'live', last, this.checkpoint));
      if (advanced === undefined) await this.commit(client, 'live', last, () => writeRows(client, table, rows));
      else if (!advanced) throw new CheckpointMoved(`Checkpoint of ${name} moved`);
      else this.movedTo('live', last);
      for (const [id, row] of rows) {
        if (row) this.written.set(id, row);
        else this.written.delete(id);
      }
    } catch (error) {
      // The fold may have changed kept rows in place, and what the table holds is no longer known.
      this.written.clear();
      throw error;
    }
  }

  /** Fencing, for a transaction that does not advance the checkpoint (see `commit`). */
  private async lockCheckpoint(client: PoolClient, target: 'live' | 'rebuild'): Promise<void> {
    const stored = (await checkpoints.read(client, this.projection.name, { lock: true }))!;
    const ours = this.checkpoint!;
    const moved = target === 'live' ? stored.position !== ours.position : stored.rebuildPosition !== ours.rebuildPosition || stored.rebuildVersion !== ours.rebuildVersion;
    if (moved) throw new CheckpointMoved(`Checkpoint of ${this.projection.name} moved`);
  }

  private async reportFailure(error: unknown, failures: number): Promise<void> {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.options.log('error', `Projection ${this.projection.name} halted (attempt ${failures}), checkpoint kept: ${message}`);
    await checkpoints.recordFailure(this.pool, this.projection.name, message).catch(() => undefined);
  }
}

/** The later of two positions, null being before the first event. */
function later(a: bigint | null, b: bigint | null): bigint | null {
  if (a === null) return b;
  return b === null || a >= b ? a : b;
}
