import type { CalendarDate, WorkingDayCalendar } from '../../src/calendar/working-days.ts';
import type { EventCatalog } from '../../src/event-store/event-catalog.ts';
import type { EventStore, RecordedEvent } from '../../src/event-store/event-store.port.ts';
import { SETTINGS_STREAM, type SettingsEvent } from '../../src/settings/domain/settings.events.ts';
import { evolveSettings, initialSettings } from '../../src/settings/domain/settings.state.ts';
import { Settings } from '../../src/settings/settings.ts';

/** The settings events among which an administrator adds (or saves again) or retires a bank holiday. */
export const CALENDAR_CHANGE_TYPES: readonly string[] = ['ListEntrySaved', 'ListEntryRetired'];

/** A change of the calendar, upcast, with where it lies in the log. */
interface CalendarChange {
  position: bigint;
  event: SettingsEvent;
}

/** The day a settings event adds or retires as a bank holiday; null for any other settings event. */
export function holidayChanged(event: SettingsEvent): CalendarDate | null {
  if (event.type === 'ListEntrySaved' && event.data.list === 'bankHolidays') return event.data.entry.id;
  if (event.type === 'ListEntryRetired' && event.data.list === 'bankHolidays') return event.data.id;
  return null;
}

const histories = new WeakMap<EventStore, CalendarHistory>();

/**
 * The working-day calendar as it stood at each position of the log: the shipped bank holidays and those an
 * administrator had added (and not retired) by then. Read once from the settings stream, then told of each change
 * a batch meets, so a fold counts an event's clocks on the calendar of its moment, live or in a rebuild, and a
 * rebuild gives the same rows as the live fold did.
 */
export class CalendarHistory {
  private changes: CalendarChange[] = [];
  /** Calendars by how many changes they fold: an administrator changes the holidays a few times a year. */
  private readonly calendars = new Map<number, WorkingDayCalendar>();
  private loaded: Promise<void> | undefined;

  private constructor(
    private readonly store: EventStore,
    private readonly catalog: EventCatalog,
  ) {}

  /** One per event store: the process's projections share the read of the settings stream. */
  static of(store: EventStore, catalog: EventCatalog): CalendarHistory {
    let history = histories.get(store);
    if (!history) histories.set(store, (history = new CalendarHistory(store, catalog)));
    return history;
  }

  /** Reads the settings stream's bank-holiday changes the first time a fold needs them. */
  async load(): Promise<this> {
    this.loaded ??= this.store.readStream(SETTINGS_STREAM).then(
      (events) => events.forEach((event) => this.note(event)),
      (error: unknown) => {
        this.loaded = undefined;
        throw error;
      },
    );
    await this.loaded;
    return this;
  }

  /** Takes in a change a batch met, if it is one of the calendar and not yet known; returns the day it changed. */
  note(recorded: RecordedEvent): CalendarDate | null {
    const event = this.catalog.toDomain<SettingsEvent>(recorded);
    const day = holidayChanged(event);
    if (day === null || this.changes.some((change) => change.position === recorded.position)) return day;
    this.changes = [...this.changes, { position: recorded.position, event }].sort((a, b) => (a.position < b.position ? -1 : 1));
    // A change behind one already known alters every calendar folded past it: rare enough to fold them again.
    this.calendars.clear();
    return day;
  }

  /** The calendar an event at `position` was counted on: the changes before it. */
  at(position: bigint): WorkingDayCalendar {
    const count = this.changes.findIndex((change) => change.position >= position);
    const folded = count < 0 ? this.changes.length : count;
    let calendar = this.calendars.get(folded);
    if (!calendar) {
      const state = this.changes.slice(0, folded).reduce((settings, change) => evolveSettings(settings, change.event), initialSettings());
      calendar = new Settings(state).calendar;
      this.calendars.set(folded, calendar);
    }
    return calendar;
  }
}
