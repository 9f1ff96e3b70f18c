import { Inject, Injectable, Optional } from '@nestjs/common';
import { APPENDS_FEED, STREAM_APPENDED, type AppendsFeed } from '../database/change-feed.ts';
import { FollowedCache } from '../database/followed-cache.ts';
import { EventCatalog } from '../event-store/event-catalog.ts';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.ts';
import { coalesced } from '../shared/one-batch-at-a-time.ts';
import { SETTINGS_STREAM, type SettingsEvent } from './domain/settings.events.ts';
import { evolveSettings, initialSettings } from './domain/settings.state.ts';
import { Settings } from './settings.ts';

interface Folded {
  settings: Settings;
  revision: number;
}

/**
 * The configurable lists as they stand: the defaults folded with the settings stream. While the change feed
 * follows the stream, what was folded stands until it announces an append; otherwise each call reads only the
 * events after the ones already folded. Either way every process sees an administrator's change on its next
 * command; concurrent commands share one such read.
 */
@Injectable()
export class SettingsService {
  private folded: Folded = { settings: new Settings(initialSettings()), revision: -1 };
  private readonly followed: FollowedCache<Folded>;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly catalog: EventCatalog,
    @Optional() @Inject(APPENDS_FEED) appends?: AppendsFeed,
  ) {
    this.followed = new FollowedCache(appends?.feed, STREAM_APPENDED, 1);
  }

  readonly current: () => Promise<Settings> = coalesced(() => this.foldNewer());

  /** What the last read found, for a caller that has just awaited `current()` and must answer synchronously. */
  latest(): Settings {
    return this.folded.settings;
  }

  private async foldNewer(): Promise<Settings> {
    const known = this.followed.get(SETTINGS_STREAM);
    if (known) return known.settings;
    const ticket = this.followed.ticket();
    const base = this.folded;
    const newer = await this.store.readStream(SETTINGS_STREAM, { from: base.revision + 1 });
    if (newer.length > 0) {
      const state = newer.reduce((folded, event) => evolveSettings(folded, this.catalog.toDomain<SettingsEvent>(event)), base.settings.state);
      // Reads run one at a time, so each starts from what the last one folded.
      this.folded = { settings: new Settings(state), revision: newer.at(-1)!.revision };
    }
    this.followed.set(ticket, SETTINGS_STREAM, this.folded);
    return this.folded.settings;
  }
}
