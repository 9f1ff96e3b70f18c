import type { RecordedEvent } from '../../src/event-store/event-store.port.ts';

/** A read-model row keyed by `id`; keys are the table's column names. */
export type ReadModelRow = { id: string } & Record<string, unknown>;

/**
 * A named, versioned read model built from the global order of events. Each event with one of
 * its types changes at most one row (a "document") of its table: the runner loads the rows a batch
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
  rowIdOf(event: RecordedEvent): string;
  /**
   * The row after the event (its data upcast to the current schema); undefined deletes it.
   * Must be deterministic: the same events always give the same rows.
   */
  evolve(row: Row | undefined, event: RecordedEvent): Row | undefined;
}
