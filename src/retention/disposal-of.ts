import type { ChangeFeed } from '../database/change-feed.ts';
import { STREAM_APPENDED } from '../database/change-feed.ts';
import { FollowedCache } from '../database/followed-cache.ts';
import type { EventCatalog } from '../event-store/event-catalog.ts';
import type { EventStore } from '../event-store/event-store.port.ts';
import { fold } from '../shared/domain/decider.ts';
import { disposalDecider, type Disposal } from './domain/disposal.decide.ts';
import { disposalStream, type DisposalEvent } from './domain/disposal.events.ts';

/** Whether the case was disposed of, from its certificate's stream: it holds at once, in every process. */
export async function disposalOf(store: EventStore, catalog: EventCatalog, caseId: string): Promise<Disposal> {
  return fold(disposalDecider, (await store.readStream(disposalStream(caseId))).map((event) => catalog.toDomain<DisposalEvent>(event)));
}

/** Cases whose disposal is kept while the change feed hears appends to their certificates' streams. */
const FOLLOWED_DISPOSALS = 50_000;

/**
 * Cases' disposals kept in memory while the change feed announces each append to a certificate's stream as it
 * commits (migration 1763800360100), so a command need not read the certificate each time (issue 23).
 */
export class FollowedDisposals {
  private readonly followed: FollowedCache<Disposal>;

  constructor(
    private readonly store: EventStore,
    private readonly catalog: EventCatalog,
    feed: ChangeFeed | undefined,
  ) {
    this.followed = new FollowedCache(feed, STREAM_APPENDED, FOLLOWED_DISPOSALS);
  }

  of(caseId: string): Promise<Disposal> {
    return this.followed.through(disposalStream(caseId), () => disposalOf(this.store, this.catalog, caseId));
  }
}
