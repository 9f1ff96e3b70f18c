import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { AppendListener, AppendOptions } from '../event-store.port.ts';
import { DeferredWake } from '../readers-may-wait.ts';

/** The channel appends are announced on; the payload is the announcing signal's id and the newest position appended. */
export const APPENDS_CHANNEL = 'casework_appends';
/** Under load one NOTIFY tells of every append made since the last: at most one per this many ms per process. */
const NOTIFY_SPACING_MS = 5;
const RELISTEN_FIRST_MS = 250;
const RELISTEN_MAX_MS = 30_000;

/**
 * Wakes readers when events are appended. Never a NOTIFY inside the append's transaction, whose commit-time
 * lock would serialise concurrent appends: listeners in this process are called when an append returns, and
 * other processes hear a NOTIFY sent after it, in a statement of its own, one at a time and at most one per
 * NOTIFY_SPACING_MS. Listening takes a connection of its own, opened for the first listener and reopened
 * after it is lost; a listener may still miss an append (while that connection is down), so readers poll
 * now and then too.
 */
export class PostgresAppendSignal {
  private readonly listeners = new Set<AppendListener>();
  /** Tells this signal's own announcements apart: its listeners heard of those appends already. */
  private readonly id = randomUUID();
  /** The newest position appended since the last NOTIFY went out. */
  private unannounced: bigint | undefined;
  private announcing: Promise<void> | undefined;
  private lastAnnouncedAt = 0;
  private listening: pg.Client | undefined;
  private relistenTimer: NodeJS.Timeout | undefined;
  private relistenFailures = 0;
  private closed = false;
  private readonly deferred = new DeferredWake((position) => this.appended(position));

  constructor(private readonly pool: pg.Pool) {}

  /** After an append has committed. */
  appended(position: bigint, options: AppendOptions = {}): void {
    if (options.readersMayWait) return this.deferred.defer(position);
    this.deferred.woken(position);
    this.wake(position);
    if (this.unannounced === undefined || position > this.unannounced) this.unannounced = position;
    this.announcing ??= this.announce().finally(() => (this.announcing = undefined));
  }

  onAppended(listener: AppendListener): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) void this.listen();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stopListening();
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.deferred.cancel();
    this.stopListening();
    await this.announcing;
  }

  private async announce(): Promise<void> {
    while (this.unannounced !== undefined && !this.closed) {
      const wait = this.lastAnnouncedAt + NOTIFY_SPACING_MS - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const position = this.unannounced;
      this.unannounced = undefined;
      this.lastAnnouncedAt = Date.now();
      // Lost with the database: other processes' readers find the events on their next poll.
      await this.pool.query('SELECT pg_notify($1, $2)', [APPENDS_CHANNEL, `${this.id} ${position}`]).catch(() => undefined);
    }
  }

  private wake(position: bigint | undefined): void {
    for (const listener of this.listeners) listener(position);
  }

  private heard(payload: string): void {
    const [announcer, position] = payload.split(' ');
    if (announcer !== this.id) this.wake(position && /^\d+$/.test(position) ? BigInt(position) : undefined);
  }

  private async listen(): Promise<void> {
    if (this.listening || this.closed || this.listeners.size === 0) return;
    const client = new pg.Client(this.pool.options);
    this.listening = client;
    client.on('notification', (message) => this.heard(message.payload ?? ''));
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${APPENDS_CHANNEL}`);
      this.relistenFailures = 0;
      // Whatever was appended while nobody listened was not heard.
      this.wake(undefined);
    } catch {
      this.lost(client);
    }
  }

  private lost(client: pg.Client): void {
    if (this.listening !== client) return;
    this.listening = undefined;
    client.end().catch(() => undefined);
    if (this.closed || this.listeners.size === 0) return;
    const delay = Math.min(RELISTEN_MAX_MS, RELISTEN_FIRST_MS * 2 ** this.relistenFailures++);
    this.relistenTimer = setTimeout(() => void this.listen(), delay);
  }

  private stopListening(): void {
    clearTimeout(this.relistenTimer);
    const client = this.listening;
    this.listening = undefined;
    client?.end().catch(() => undefined);
  }
}
