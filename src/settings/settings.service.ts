import { Inject, Injectable } from '@nestjs/common';
import { EventCatalog } from '../event-store/event-catalog.ts';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.ts';
import { coalesced } from '../shared/one-batch-at-a-time.ts';
import { SETTINGS_STREAM, type SettingsEvent } from './domain/settings.events.ts';
import { evolveSettings, initialSettings } from './domain/settings.state.ts';
import { Settings } from './settings.ts';

/**
 * The configurable lists as they stand: the defaults folded with the settings stream. Each call
 * reads only the events after the ones already folded, so every process sees an administrator's
 * change on its next command; concurrent commands share one such read.
 */
@Injectable()
export class SettingsService {
  private folded: { settings: Settings; revision: number } = { settings: new Settings(initialSettings()), revision: -1 };

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly catalog: EventCatalog,
  ) {}

  readonly current: () => Promise<Settings> = coalesced(() => this.foldNewer());

  /** What the last read found, for a caller that has just awaited `current()` and must answer synchronously. */
  latest(): Settings {
    return this.folded.settings;
  }

  private async foldNewer(): Promise<Settings> {
    const base = this.folded;
    const newer = await this.store.readStream(SETTINGS_STREAM, { from: base.revision + 1 });
    if (newer.length === 0) return base.settings;
    const state = newer.reduce((folded, event) => evolveSettings(folded, this.catalog.toDomain<SettingsEvent>(event)), base.settings.state);
    const settings = new Settings(state);
    // Reads run one at a time, so each starts from what the last one folded.
    this.folded = { settings, revision: newer.at(-1)!.revision };
    return settings;
  }
}
