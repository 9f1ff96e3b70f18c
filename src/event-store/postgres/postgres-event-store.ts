import { createPool } from '../../database/pool.ts';
import pg from 'pg';
import { DuplicateEventId, WrongExpectedRevision } from '../event-store.errors.ts';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
} from '../event-store.port.ts';
import { translated, uniqueViolationOf } from './postgres-errors.ts';
import { APPEND_SQL, EVENT_COLUMNS, VISIBLE_BOUND } from './postgres-sql.ts';
import { PollingSubscription, type PollingOptions } from './postgres-subscription.ts';
import { toRecordedEvent, type EventRow } from './row-mapping.ts';

const DEFAULT_POLLING: PollingOptions = { batchSize: 500, minDelayMs: 2, maxDelayMs: 50 };
/** An `any` append that loses a race for the next revision simply tries again. */
const ANY_RETRIES = 10;

/** The event store on PostgreSQL: the embedded default and the engine every test here runs on. */
export class PostgresEventStore implements EventStore {
  private readonly subscriptions = new Set<Subscription>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly polling: PollingOptions = DEFAULT_POLLING,
    /** Whether close() ends the pool too (when the store created it). */
    private readonly ownsPool = false,
  ) {}

  async append(stream: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await translated(() => this.pool.query<{ revision: number; position: string }>(appendQuery(stream, events, expected)));
        if (result.rows.length > 0) return lastOf(result.rows);
      } catch (error) {
        const constraint = uniqueViolationOf(error);
        if (constraint === 'events_stream_revision' && expected === 'any' && attempt < ANY_RETRIES) continue;
        if (constraint === undefined) throw error;
      }
      // Nothing was inserted: a retry of an append already stored, or a real conflict.
      const stored = await this.alreadyStored(stream, events);
      if (stored) return stored;
      throw new WrongExpectedRevision(stream, expected, await this.currentRevision(stream));
    }
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const from = options.from ?? (backwards ? 2 ** 31 - 1 : 0);
    const result = await translated(() =>
      this.pool.query<EventRow>({
        name: backwards ? 'casework-read-stream-backwards' : 'casework-read-stream',
        text: `SELECT ${EVENT_COLUMNS} FROM events WHERE stream = $1 AND revision ${backwards ? '<=' : '>='} $2
                ORDER BY revision ${backwards ? 'DESC' : 'ASC'} LIMIT $3`,
        values: [stream, from, options.maxCount ?? null],
      }),
    );
    return result.rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const result = await translated(() =>
      this.pool.query<EventRow>({
        name: 'casework-read-all',
        text: `SELECT ${EVENT_COLUMNS} FROM events
                WHERE position > $1 AND position < ${VISIBLE_BOUND} AND ($3::text[] IS NULL OR type = ANY($3))
                ORDER BY position LIMIT $2`,
        values: [(options.after ?? -1n).toString(), options.maxCount ?? null, options.eventTypes ?? null],
      }),
    );
    return result.rows.map(toRecordedEvent);
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    const subscription = new PollingSubscription((read) => this.readAll(read), options.after, options.eventTypes, this.polling);
    this.subscriptions.add(subscription);
    const close = subscription.close.bind(subscription);
    subscription.close = async () => {
      this.subscriptions.delete(subscription);
      await close();
    };
    return subscription;
  }

  async headPosition(): Promise<bigint | undefined> {
    const result = await translated(() => this.pool.query<{ head: string | null }>(`SELECT max(position) AS head FROM events WHERE position < ${VISIBLE_BOUND}`));
    const head = result.rows[0]?.head;
    return head == null ? undefined : BigInt(head);
  }

  async ping(): Promise<void> {
    await translated(() => this.pool.query('SELECT 1 FROM events LIMIT 1'));
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    if (this.ownsPool) await this.pool.end();
  }

  private async alreadyStored(stream: string, events: readonly NewEvent[]): Promise<AppendResult | undefined> {
    const result = await translated(() =>
      this.pool.query<{ event_id: string; stream: string; revision: number; position: string }>(
        'SELECT event_id, stream, revision, position FROM events WHERE event_id = ANY($1::uuid[])',
        [events.map((event) => event.id)],
      ),
    );
    const elsewhere = result.rows.find((row) => row.stream !== stream);
    if (elsewhere) throw new DuplicateEventId(elsewhere.event_id);
    if (result.rows.length === 0) return undefined;
    if (result.rows.length < events.length) throw new DuplicateEventId(result.rows[0]!.event_id);
    return lastOf(result.rows);
  }

  private async currentRevision(stream: string): Promise<number | undefined> {
    const result = await translated(() => this.pool.query<{ revision: number | null }>('SELECT max(revision) AS revision FROM events WHERE stream = $1', [stream]));
    return result.rows[0]?.revision ?? undefined;
  }
}

/** The append statement; exported so tests can run it inside a transaction they hold open. */
export function appendQuery(stream: string, events: readonly NewEvent[], expected: ExpectedRevision): pg.QueryConfig {
  // Named, so each connection parses and plans it once: planning cost more than running it.
  return { name: 'casework-append', text: APPEND_SQL, values: [
    stream,
    typeof expected === 'number' ? 'exact' : expected,
    typeof expected === 'number' ? expected : null,
    events.map((event) => event.id),
    events.map((event) => event.type),
    events.map((event) => event.schemaVersion),
    events.map((event) => JSON.stringify(event.data)),
    events.map((event) => JSON.stringify(event.metadata)),
  ] };
}

/** RETURNING promises no order, so the append's result is its highest revision and position. */
function lastOf(rows: readonly { revision: number; position: string }[]): AppendResult {
  return rows.reduce<AppendResult>(
    (last, row) => {
      const position = BigInt(row.position);
      return { revision: Math.max(last.revision, row.revision), position: position > last.position ? position : last.position };
    },
    { revision: -1, position: -1n },
  );
}

export function createPostgresEventStore(url: string, options: { maxConnections?: number; polling?: PollingOptions } = {}): PostgresEventStore {
  const pool = createPool(url, options.maxConnections ?? 20);
  return new PostgresEventStore(pool, options.polling ?? DEFAULT_POLLING, true);
}
