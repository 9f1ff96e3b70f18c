import { LRUCache } from 'lru-cache';
import type { ChangeFeed } from './change-feed.ts';

/** Taken before a read: what the read found is kept only if nothing of the cache's topic changed meanwhile. */
export type CacheTicket = number;

/**
 * What the database holds under a key, kept while the change feed says it has not changed. Serves nothing
 * while the feed is not live (or without one), so a change is never missed for want of hearing it; a read
 * that overlapped a change keeps nothing, for it may have found what stood before.
 */
export class FollowedCache<Value extends object> {
  private readonly entries: LRUCache<string, Value>;
  private epoch = 0;

  constructor(
    private readonly feed: ChangeFeed | undefined,
    topic: string,
    max: number,
  ) {
    this.entries = new LRUCache({ max });
    feed?.onChange((changed, key) => {
      if (changed === undefined) this.forgetAll();
      else if (changed === topic && key !== undefined) this.forget(key);
    });
  }

  ticket(): CacheTicket {
    return this.epoch;
  }

  get(key: string): Value | undefined {
    return this.feed?.live ? this.entries.get(key) : undefined;
  }

  set(ticket: CacheTicket, key: string, value: Value): void {
    if (this.feed?.live && ticket === this.epoch) this.entries.set(key, value);
  }

  /** The value kept under `key`, else what `read` finds (kept unless it overlapped a change). */
  async through(key: string, read: () => Promise<Value>): Promise<Value> {
    const known = this.get(key);
    if (known) return known;
    const ticket = this.ticket();
    const value = await read();
    this.set(ticket, key, value);
    return value;
  }

  /** After this process changed what `key` stands for: not left to the feed, which tells it a moment later. */
  forget(key: string): void {
    this.epoch++;
    this.entries.delete(key);
  }

  private forgetAll(): void {
    this.epoch++;
    this.entries.clear();
  }
}
