import type { CalendarDate, WorkingDayCalendar } from '../../src/calendar/working-days.ts';
import type { RecordedEvent } from '../../src/event-store/event-store.port.ts';

/** A read-model row keyed by `id`; keys are the table's column names. */
export type ReadModelRow = { id: string } & Record<string, unknown>;

/**
 * A named, versioned read model built from the global order of events. Each event with one of
 * its types changes at most one row (a "document") of its table (a decision about a data subject, or a
 * change of the calendar for `workingDays`, may change several): the runner loads the rows a batch
 * touches, folds the batch in memory and writes the changed rows back in one statement, so the
 * cost is a few round trips per batch, not one per event.
 */
export interface Projection<Row extends ReadModelRow = ReadModelRow> {
  name: string;
  /** Bumping it rebuilds the read model from the first event, without downtime. */
  version: number;
  /** The table queries read; created by a migration, never by `synchronize`. */
  table: string;
  eventTypes: readonly string[];
  /**
   * Its rows copy personal data out of events. Each row is then the fold of its own streams' events: the runner
   * records in it (columns `subject_ids`, `streams`) whose values it holds, and folds it again from those streams
   * when one of them is erased or restricted, or a restriction is lifted.
   */
  holdsPersonalData?: boolean;
  /** Each event makes a row of its own (keyed by the event's id), which no earlier event made: batches read no row first. */
  rowPerEvent?: boolean;
  /**
   * Each row is the fold of one stream's events and of no other stream's (`rowIdOf` tells streams apart): a
   * stream's first event (revision 0) finds no row, so the runner's batch reads none for it (a parked event
   * replayed later still reads its row). A new case's receipt then costs the projection no read.
   */
  rowPerStream?: boolean;
  rowIdOf(event: RecordedEvent): string;
  /**
   * The row after the event (its data upcast to the current schema); undefined deletes it. `calendar` is the
   * working-day calendar as it stood at the event, for a projection with `workingDays` (the shipped one otherwise).
   * Must be deterministic: the same events always give the same rows. Returns the row it was given unchanged or
   * a row object of its own, never one it shares elsewhere: the runner may mark a new row in place.
   */
  evolve(row: Row | undefined, event: RecordedEvent, calendar: WorkingDayCalendar): Row | undefined;
  /**
   * Its rows hold dates counted in working days that a list sorts by. The projection then also follows the
   * calendar's changes (its `eventTypes` include CALENDAR_CHANGE_TYPES): when an administrator adds or retires a
   * bank holiday, the runner counts those dates again in the rows whose clocks span that day.
   */
  workingDays?: WorkingDayColumns<Row>;
}

export interface WorkingDayColumns<Row extends ReadModelRow> {
  /** The row with its working-day dates counted on this calendar, from what the row itself holds. */
  reckon(row: Row, calendar: WorkingDayCalendar): Row;
  /**
   * An SQL condition on the table's columns (numbered parameters from $1, and their values) that holds for every
   * row with a clock that may span `day` on either calendar, and for few others: it should be indexed.
   */
  spanning(day: CalendarDate, before: WorkingDayCalendar, after: WorkingDayCalendar): { where: string; values: unknown[] };
}
