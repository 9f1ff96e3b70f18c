import { createPool, type DatabaseTimeouts } from '../../database/pool.ts';
import pg from 'pg';
import { oneBatchAtATime } from '../../shared/one-batch-at-a-time.ts';
import { DuplicateEventId, EventStoreUnavailable, WrongExpectedRevision } from '../event-store.errors.ts';
import type {
  AppendListener,
  AppendOptions,
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  TailRead,
} from '../event-store.port.ts';
import { markWritten } from '../event-store.port.ts';
import { translated, uniqueViolationOf } from './postgres-errors.ts';
import { PostgresAppendSignal } from './postgres-append-signal.ts';
import { appendStatement, groupedByStream, lastOf, roundsOfDistinctStreams, type AppendedRow, type AppendRequest } from './postgres-append.ts';
import { EVENT_COLUMNS, TAIL_SQL, VISIBLE_BOUND } from './postgres-sql.ts';
import { PollingSubscription, type PollingOptions } from './postgres-subscription.ts';
import { toRecordedEvent, type EventRow, type TailRow } from './row-mapping.ts';

/** How many events of any type one read of a few types looks at by default (see `ReadAllOptions.scanLimit`). */
const DEFAULT_SCAN_LIMIT = 20_000;
const DEFAULT_POLLING: PollingOptions = { batchSize: 500, idleDelayMs: 2, maxIdleDelayMs: 50, safetyPollMs: 1000 };
/** An `any` append that loses a race for the next revision simply tries again. */
const ANY_RETRIES = 10;
/** Appends of at least this many events do not wait to share a statement. */
const OWN_STATEMENT_EVENTS = 32;

interface ForwardRead {
  stream: string;
  from: number;
}

/** The event store on PostgreSQL: the embedded default and the engine every test here runs on. */
export class PostgresEventStore implements EventStore {
  private readonly subscriptions = new Set<Subscription>();
  private readonly signal: PostgresAppendSignal;

  constructor(
    private readonly pool: pg.Pool,
    private readonly polling: PollingOptions = DEFAULT_POLLING,
    /** Whether close() ends the pool too (when the store created it). */
    private readonly ownsPool = false,
    private readonly scanLimit = DEFAULT_SCAN_LIMIT,
  ) {
    this.signal = new PostgresAppendSignal(pool);
  }

  /**
   * Appends made while another is in flight are written together by the next statement (one commit for
   * all of them, each with its own expectation), so concurrent commands share a round trip and a commit.
   */
  private readonly appends = oneBatchAtATime<AppendRequest, AppendResult>((requests) => this.appendTogether(requests));
  /**
   * Forward reads to a stream's end (what a command reads before it decides, and the settings it checks
   * against) made while one is in flight share the next query.
   */
  private readonly forwardReads = oneBatchAtATime<ForwardRead, RecordedEvent[]>((reads) => this.readForwards(reads));
  /** Reads of a stream's last event (where an `any` append chains on) likewise share a query. */
  private readonly lastEventReads = oneBatchAtATime<string, RecordedEvent[]>((streams) => this.readLastEvents(streams));

  async append(stream: string, events: readonly NewEvent[], expected: ExpectedRevision, options?: AppendOptions): Promise<AppendResult> {
    if (events.length === 0) throw new Error('append needs at least one event');
    // A large append is a batch already: it goes at once, beside the shared statement rather than behind it.
    const result = await (events.length >= OWN_STATEMENT_EVENTS ? this.appendAlone({ stream, events, expected }) : this.appends.load({ stream, events, expected }));
    this.signal.appended(result.position, options);
    return result;
  }

  private async appendTogether(requests: readonly AppendRequest[]): Promise<(AppendResult | Error)[]> {
    const results = new Map<AppendRequest, AppendResult | Error>();
    for (const round of roundsOfDistinctStreams(requests)) {
      const settled = await Promise.allSettled(round.length === 1 ? [this.appendAlone(round[0]!)] : await this.appendRound(round));
      settled.forEach((outcome, index) => results.set(round[index]!, outcome.status === 'fulfilled' ? outcome.value : (outcome.reason as Error)));
    }
    return requests.map((request) => results.get(request)!);
  }

  /**
   * One statement for appends to distinct streams. Should it fail as a whole for what one of them holds (a
   * duplicate event id, a race with another process, a value PostgreSQL refuses), each goes alone, so only
   * that one fails; a database that is away fails them all at once.
   */
  private async appendRound(round: readonly AppendRequest[]): Promise<Promise<AppendResult>[]> {
    let rows: AppendedRow[];
    try {
      rows = (await translated(() => this.pool.query<AppendedRow>(appendStatement(round)))).rows;
    } catch (error) {
      if (error instanceof EventStoreUnavailable) throw error;
      return round.map((request) => this.appendAlone(request));
    }
    const rowsByStream = groupedByStream(rows);
    return round.map((request) => {
      const ofStream = rowsByStream.get(request.stream);
      return ofStream ? Promise.resolve(markWritten(lastOf(ofStream))) : this.refused(request);
    });
  }

  private async appendAlone(request: AppendRequest): Promise<AppendResult> {
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await translated(() => this.pool.query<AppendedRow>(appendStatement([request])));
        if (result.rows.length > 0) return markWritten(lastOf(result.rows));
      } catch (error) {
        const constraint = uniqueViolationOf(error);
        if (constraint === 'events_stream_revision' && request.expected === 'any' && attempt < ANY_RETRIES) continue;
        if (constraint === undefined) throw error;
      }
      return this.refused(request);
    }
  }

  /** Nothing was inserted: a retry of an append already stored, or a real conflict. */
  private async refused({ stream, events, expected }: AppendRequest): Promise<AppendResult> {
    const stored = await this.alreadyStored(stream, events);
    if (stored) return stored;
    throw new WrongExpectedRevision(stream, expected, await this.currentRevision(stream));
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    if (!backwards && options.maxCount === undefined) return this.forwardReads.load({ stream, from: options.from ?? 0 });
    if (backwards && options.maxCount === 1 && options.from === undefined) return this.lastEventReads.load(stream);
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

  /** Each stream once, from the lowest revision any of its readers asked for; each reader gets its own part. */
  private async readForwards(reads: readonly ForwardRead[]): Promise<RecordedEvent[][]> {
    const from = new Map<string, number>();
    for (const read of reads) from.set(read.stream, Math.min(read.from, from.get(read.stream) ?? read.from));
    const result = await translated(() =>
      this.pool.query<EventRow>({
        name: 'casework-read-streams',
        // One index range per stream, whatever plan a prepared statement settles on (a join may scan every event).
        text: `SELECT read.* FROM unnest($1::text[], $2::int[]) AS wanted(wanted_stream, from_revision)
                CROSS JOIN LATERAL (SELECT ${EVENT_COLUMNS} FROM events
                                     WHERE stream = wanted.wanted_stream AND revision >= wanted.from_revision ORDER BY revision) AS read`,
        values: [[...from.keys()], [...from.values()]],
      }),
    );
    const byStream = groupedByStream(result.rows.map(toRecordedEvent));
    return reads.map(({ stream, from }) => (byStream.get(stream) ?? []).filter((event) => event.revision >= from));
  }

  private async readLastEvents(streams: readonly string[]): Promise<RecordedEvent[][]> {
    const result = await translated(() =>
      this.pool.query<EventRow>({
        name: 'casework-read-last-events',
        text: `SELECT last.* FROM unnest($1::text[]) AS wanted(wanted_stream)
                CROSS JOIN LATERAL (SELECT ${EVENT_COLUMNS} FROM events WHERE stream = wanted.wanted_stream ORDER BY revision DESC LIMIT 1) AS last`,
        values: [[...new Set(streams)]],
      }),
    );
    const byStream = groupedByStream(result.rows.map(toRecordedEvent));
    return streams.map((stream) => byStream.get(stream) ?? []);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const result = await translated(() =>
      this.pool.query<EventRow>({
        name: options.includeUnsettled ? 'casework-read-all-unsettled' : 'casework-read-all',
        // The columns are worked out after the limit: where the plan sorts every later event of these types (an
        // unanalysed table), it would otherwise convert each of them for nothing.
        text: `SELECT ${EVENT_COLUMNS} FROM (
                 SELECT * FROM events
                  WHERE position > $1 ${options.includeUnsettled ? '' : `AND position < ${VISIBLE_BOUND}`} AND ($3::text[] IS NULL OR type = ANY($3))
                  ORDER BY position LIMIT $2) AS events
                ORDER BY position`,
        values: [(options.after ?? -1n).toString(), options.maxCount ?? null, options.eventTypes ?? null],
      }),
    );
    return result.rows.map(toRecordedEvent);
  }

  async readTail(options: ReadAllOptions = {}): Promise<TailRead> {
    const scanLimit = options.eventTypes === undefined ? null : (options.scanLimit ?? this.scanLimit);
    const result = await translated(() =>
      this.pool.query<TailRow>({
        name: 'casework-read-tail',
        text: TAIL_SQL,
        values: [(options.after ?? -1n).toString(), options.maxCount ?? null, options.eventTypes ?? null, scanLimit],
      }),
    );
    const rows = result.rows;
    const events = rows.flatMap((row) => (row.wanted ? [toRecordedEvent(row)] : []));
    if (options.maxCount !== undefined && events.length === options.maxCount) return { events, scannedTo: events.at(-1)!.position, more: true };
    const lookEnd = rows.find((row) => row.look_end === true);
    if (lookEnd) return { events, scannedTo: BigInt(lookEnd.position!), more: true };
    const head = rows.at(-1)!.tail_head;
    return { events, scannedTo: head == null ? undefined : BigInt(head), more: false };
  }

  onAppended(listener: AppendListener): () => void {
    return this.signal.onAppended(listener);
  }

  subscribe(options: SubscribeOptions = {}): Subscription {
    const subscription = new PollingSubscription(this, options.after, options.eventTypes, this.polling);
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

  async committedHeadPosition(): Promise<bigint | undefined> {
    const result = await translated(() => this.pool.query<{ head: string | null }>('SELECT max(position) AS head FROM events'));
    const head = result.rows[0]?.head;
    return head == null ? undefined : BigInt(head);
  }

  async ping(): Promise<void> {
    await translated(() => this.pool.query('SELECT 1 FROM events LIMIT 1'));
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.signal.close();
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

export function createPostgresEventStore(
  url: string,
  options: { maxConnections?: number; polling?: PollingOptions; timeouts?: DatabaseTimeouts; scanLimit?: number } = {},
): PostgresEventStore {
  const pool = createPool(url, options.maxConnections ?? 20, options.timeouts);
  return new PostgresEventStore(pool, options.polling ?? DEFAULT_POLLING, true, options.scanLimit);
}
