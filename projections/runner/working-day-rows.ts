import pg, { type Pool, type PoolClient } from 'pg';
import { lastStartOverdue, type CalendarDate, type WorkingDayCalendar } from '../../src/calendar/working-days.ts';
import type { RecordedEvent } from '../../src/event-store/event-store.port.ts';
import { CALENDAR_CHANGE_TYPES, type CalendarHistory } from './calendar-history.ts';
import type { Projection, ReadModelRow } from './projection.ts';

/** The event changes the calendar this projection counts working days on (or is another settings event of those types). */
export function reckonsFor(projection: Projection, event: RecordedEvent): boolean {
  return projection.workingDays !== undefined && CALENDAR_CHANGE_TYPES.includes(event.type);
}

export interface ReckonSources {
  queryable: Pool | PoolClient;
  table: string;
  history: CalendarHistory;
  /** Rows of an earlier batch not in the table yet (a rebuild's). */
  unwritten?: ReadonlyMap<string, ReadModelRow | undefined>;
}

/**
 * After a bank holiday is added or retired, the rows whose working-day clocks span that day, counted again on the
 * calendar as it then stands: the batch's own rows, and those of the table the projection's condition finds (only
 * those whose dates moved are written). `rows` holds the batch's rows so far and is updated in place.
 */
export async function reckonRowsSpanning(
  change: RecordedEvent,
  projection: Projection,
  rows: Map<string, ReadModelRow | undefined>,
  { queryable, table, history, unwritten }: ReckonSources,
): Promise<void> {
  const before = history.at(change.position);
  const day = history.note(change);
  const after = history.at(change.position + 1n);
  if (day === null || !movesDay(day, before, after)) return;
  const { reckon, spanning } = projection.workingDays!;
  const inMemory = new Map([...(unwritten ?? []), ...rows]);
  for (const [id, row] of inMemory) {
    if (row) rows.set(id, reckon(row, after));
  }
  const { where, values } = spanning(day, before, after);
  const stored = await queryable.query<{ row: ReadModelRow }>(
    `SELECT to_jsonb(t) AS row FROM ${pg.escapeIdentifier(table)} t WHERE (${where}) AND NOT (t.id = ANY($${values.length + 1}))`,
    [...values, [...inMemory.keys()]],
  );
  for (const { row } of stored.rows) {
    const reckoned = reckon(row, after);
    if (JSON.stringify(reckoned) !== JSON.stringify(row)) rows.set(row.id, reckoned);
  }
}

/**
 * The day is a working day on one calendar and not on the other. A day past either calendar's years moves no
 * clock: one running into it could not have been counted.
 */
function movesDay(day: CalendarDate, before: WorkingDayCalendar, after: WorkingDayCalendar): boolean {
  if (day > before.coveredUntil || day > after.coveredUntil) return false;
  return before.isWorkingDay(day) !== after.isWorkingDay(day);
}

/**
 * The last day a clock of `workingDays` could start and have run out before `day`, on whichever of two calendars
 * has it earlier: a clock that started later and before `day` spans it on one of them.
 */
export function lastStartOverdueOnEither(day: CalendarDate, workingDays: number, ...calendars: WorkingDayCalendar[]): CalendarDate {
  return calendars.map((calendar) => lastStartOverdue(calendar, day, workingDays)).sort()[0]!;
}
