import { Inject, Injectable } from '@nestjs/common';
import { APPENDS_FEED, STREAM_APPENDED, type AppendsFeed } from '../database/change-feed.ts';
import { FollowedCache } from '../database/followed-cache.ts';
import { EventCatalog } from '../event-store/event-catalog.ts';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.ts';
import { fold } from '../shared/domain/decider.ts';
import { mayWorkOn, restrictedAccessDecider, type RestrictedAccess, type Viewer } from './domain/restricted-access.decide.ts';
import type { RestrictedAccessEvent } from './domain/restricted-access.events.ts';
import { restrictedAccessStream } from './restricted-access-stream.ts';

/** Cases whose restriction is kept while the change feed hears appends to their restriction's stream. */
const FOLLOWED_CASES = 50_000;

/**
 * A case's restriction as its stream says now: no read-model lag between restricting a case and refusing others.
 * Kept in memory while the change feed follows the stream, which announces an append to it as it commits.
 */
@Injectable()
export class RestrictedAccessReader {
  private readonly followed: FollowedCache<RestrictedAccess>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly catalog: EventCatalog,
    @Inject(APPENDS_FEED) appends: AppendsFeed,
  ) {
    this.followed = new FollowedCache(appends.feed, STREAM_APPENDED, FOLLOWED_CASES);
  }

  async accessOf(caseId: string): Promise<RestrictedAccess> {
    const stream = restrictedAccessStream(caseId);
    return this.followed.through(stream, async () => {
      const history = await this.store.readStream(stream);
      return fold(restrictedAccessDecider, history.map((event) => this.catalog.toDomain<RestrictedAccessEvent>(event)));
    });
  }

  /** The cases among `caseIds` the viewer may work on, as their streams say now: for commands that reach cases by something other than `:id`. */
  async workableBy(caseIds: readonly string[], viewer: Viewer): Promise<string[]> {
    const access = await Promise.all(caseIds.map((caseId) => this.accessOf(caseId)));
    return caseIds.filter((_, index) => mayWorkOn(access[index]!, viewer));
  }
}
