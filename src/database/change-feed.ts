import pg from 'pg';

/** The channel the database's triggers announce changes on (`<topic> <key>`): see the migration that made them. */
export const CHANGES_CHANNEL = 'casework_changes';
/** The topic of an append to a stream whose fold processes keep (the settings, a case's restriction or disposal): keyed by stream. */
export const STREAM_APPENDED = 'stream';
/** The streams the migrations' trigger announces appends to: what a writer in this process announces at once itself. */
export const isFollowedStream = (stream: string) => stream === 'settings' || stream.startsWith('case-access-') || stream.startsWith('disposal-');
/** DI token: the change feed where it hears those appends (the events are in PostgreSQL); `feed` undefined where not. */
export const APPENDS_FEED = Symbol('APPENDS_FEED');
export interface AppendsFeed {
  feed: ChangeFeed | undefined;
}
const RELISTEN_FIRST_MS = 250;
const RELISTEN_MAX_MS = 30_000;

/** A change to what a cache holds under `key`; no topic when changes may have been missed, or the feed (re)started: every cache empties. */
export type ChangeListener = (topic: string | undefined, key?: string) => void;

/**
 * Tells this process's caches what any process changed, so they can serve what the database holds without
 * asking it each time. The triggers notify inside the changing transaction, so the news is sent as it commits.
 * A cache may only be trusted while `live`: from the LISTEN's confirmation until its connection is lost, when
 * every listener hears that changes may have been missed.
 */
export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();
  private client: pg.Client | undefined;
  private connected = false;
  private relistenTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  private closed = false;

  constructor(private readonly options: pg.ClientConfig) {}

  get live(): boolean {
    return this.connected;
  }

  /** A change this process made: its caches hear of it now, not once the database's notification comes back. */
  announce(topic: string, key: string): void {
    this.tell(topic, key);
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    if (!this.client && !this.closed) void this.listen();
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.relistenTimer);
    const client = this.client;
    this.drop();
    await client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new pg.Client(this.options);
    this.client = client;
    client.on('notification', (message) => {
      const [topic, key] = splitOnce(message.payload ?? '');
      this.tell(topic, key);
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGES_CHANNEL}`);
      if (this.client !== client) return;
      this.failures = 0;
      this.connected = true;
      // Whatever changed before the LISTEN was not heard: nothing cached from then is kept.
      this.tell(undefined);
    } catch {
      this.lost(client);
    }
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.drop();
    client.end().catch(() => undefined);
    if (this.closed) return;
    const delay = Math.min(RELISTEN_MAX_MS, RELISTEN_FIRST_MS * 2 ** this.failures++);
    this.relistenTimer = setTimeout(() => void this.listen(), delay).unref();
  }

  private drop(): void {
    this.client = undefined;
    this.connected = false;
    this.tell(undefined);
  }

  private tell(topic: string | undefined, key?: string): void {
    for (const listener of this.listeners) listener(topic, key);
  }
}

function splitOnce(payload: string): [string, string] {
  const space = payload.indexOf(' ');
  return space < 0 ? [payload, ''] : [payload.slice(0, space), payload.slice(space + 1)];
}
