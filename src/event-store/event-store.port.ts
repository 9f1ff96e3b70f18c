/**
 * The event store port: one contract, two engines (PostgreSQL and EventStoreDB).
 * Revisions are 0-based per stream; positions are the store's global order, opaque but
 * totally ordered, so a reader can resume strictly after the last position it saw.
 */
export const EVENT_STORE = Symbol('EVENT_STORE');
/** The same events for auditors: personal data of restricted subjects shown. */
export const AUDIT_EVENT_STORE = Symbol('AUDIT_EVENT_STORE');
/** The events exactly as stored (ciphertext, hashes): for integrity checks only. */
export const STORED_EVENT_STORE = Symbol('STORED_EVENT_STORE');

export type ExpectedRevision = number | 'no_stream' | 'stream_exists' | 'any';

export interface Actor {
  sub: string;
  roles: string[];
}

export interface EventMetadata {
  actor: Actor;
  correlationId: string;
  causationId: string;
  /** Tamper evidence: this event's hash and the previous event's in its stream (set by the store, not by writers). */
  integrity?: IntegrityLink;
}

export interface IntegrityLink {
  previous: string | null;
  hash: string;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface NewEvent {
  /** UUID chosen by the writer: appending the same ids again is idempotent. */
  id: string;
  type: string;
  schemaVersion: number;
  data: JsonObject;
  metadata: EventMetadata;
}

export interface RecordedEvent extends NewEvent {
  stream: string;
  revision: number;
  position: bigint;
  /** Server clock (UTC) when the store accepted the event. */
  recordedAt: Date;
}

export interface AppendResult {
  /** Revision of the last event now in the stream. */
  revision: number;
  /** Global position of the last event appended. */
  position: bigint;
}

/** Results of appends whose events the engine wrote itself, rather than found stored by an earlier append of the same ids. */
const writtenResults = new WeakSet<AppendResult>();

/**
 * Marks a result as written by its append. Known by identity only, so it never travels beyond the append's
 * own caller (a copy of the result is unmarked) nor changes a result's shape.
 */
export function markWritten(result: AppendResult): AppendResult {
  writtenResults.add(result);
  return result;
}

/** The append wrote its events (an engine that cannot tell marks none). */
export const wasWritten = (result: AppendResult): boolean => writtenResults.has(result);

export interface ReadStreamOptions {
  /** Revision to start at (inclusive); defaults to the start (forwards) or the end (backwards). */
  from?: number;
  direction?: 'forwards' | 'backwards';
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: only events strictly after this position; omit to start at the beginning. */
  after?: bigint;
  maxCount?: number;
  /** Only these event types (a projection's handlers); omit for every type. */
  eventTypes?: readonly string[];
  /**
   * Also the newest committed events that an older transaction still running may yet commit an event
   * before (PostgreSQL holds those back): for one read of all that is committed now. A reader that
   * resumes after the last position it got must leave it off, or it could skip such an event.
   */
  includeUnsettled?: boolean;
  /**
   * `readTail` of a few types looks at no more than about this many events of any type, then says where it
   * stopped: on a store of millions, the types of a rare kind of case may lie millions of events apart, and one
   * read that went looking for them would outlast the statement timeout every time it was tried.
   */
  scanLimit?: number;
}

/** A read of the global order that also says how far it looked. */
export interface TailRead {
  events: RecordedEvent[];
  /**
   * No event of any type at or before this position is left to read after these: the newest event the read
   * passed over, whatever its type (its last event when it stopped at `maxCount`). A reader that follows a few
   * types resumes here, not at its last match. Undefined on an empty store.
   */
  scannedTo: bigint | undefined;
  /** It stopped before the tail (at `maxCount` events or at the scan limit): read on from `scannedTo` at once. */
  more: boolean;
}

export interface AppendOptions {
  /**
   * Nothing waits on these events at once (the access log's, appended on every read of a case): readers are
   * woken a moment later, together with whatever else was appended meanwhile, so that a busy moment's entries
   * are read and projected in one batch rather than one statement each. Readers woken sooner by another
   * append read these too.
   */
  readersMayWait?: boolean;
}

/** Called when events may have been appended: with the newest one's position when it is known. */
export type AppendListener = (position: bigint | undefined) => void;

export interface SubscribeOptions {
  /** Exclusive resume point, usually a projection's checkpoint. */
  after?: bigint;
  eventTypes?: readonly string[];
}

/**
 * A catch-up subscription: replays history after the resume point, then follows live appends,
 * in global order, each event exactly once. Iterate it; `close()` ends the iteration.
 */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

export interface EventStore {
  append(stream: string, events: readonly NewEvent[], expected: ExpectedRevision, options?: AppendOptions): Promise<AppendResult>;
  /** Events of one stream in order; an empty array when the stream does not exist. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  readTail(options?: ReadAllOptions): Promise<TailRead>;
  /**
   * Calls `listener` after appends commit, in this process or (where the engine can tell) another, so a
   * reader waits for them instead of polling; a listener may miss some (a lost connection), so readers
   * still poll now and then. Returns a function that stops the calls.
   */
  onAppended(listener: AppendListener): () => void;
  subscribe(options?: SubscribeOptions): Subscription;
  /** Position of the newest event readable in global order, or undefined on an empty store. */
  headPosition(): Promise<bigint | undefined>;
  /**
   * Position of the newest event committed, which readers reach once every write begun before it has finished:
   * what a reader must wait for to see every write made so far. headPosition where the two do not differ.
   */
  committedHeadPosition(): Promise<bigint | undefined>;
  /** Whether the engine answers, for readiness checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
