import { Inject, Injectable } from '@nestjs/common';
import { EventCatalog } from '../event-store/event-catalog.ts';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port.ts';
import { SETTINGS_STREAM, type SettingsEvent } from './domain/settings.events.ts';
import { evolveSettings, initialSettings, type SettingsState } from './domain/settings.state.ts';
import { Settings } from './settings.ts';

/**
 * The configurable lists as they stand: the defaults folded with the settings stream. Each call
 * reads only the events after the ones already folded, so every process sees an administrator's
 * change on its next command.
 */
@Injectable()
export class SettingsService {
  private folded: { state: SettingsState; revision: number } = { state: initialSettings(), revision: -1 };

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly catalog: EventCatalog,
  ) {}

  async current(): Promise<Settings> {
    const base = this.folded;
    const newer = await this.store.readStream(SETTINGS_STREAM, { from: base.revision + 1 });
    if (newer.length > 0) {
      const state = newer.reduce((folded, event) => evolveSettings(folded, this.catalog.toDomain<SettingsEvent>(event)), base.state);
      // Concurrent callers fold their own copies; keep whichever reached further.
      if (newer.at(-1)!.revision > this.folded.revision) this.folded = { state, revision: newer.at(-1)!.revision };
      return new Settings(state);
    }
    return new Settings(base.state);
  }
}
