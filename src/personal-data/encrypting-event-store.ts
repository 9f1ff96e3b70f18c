import type { EventCatalog } from '../event-store/event-catalog.ts';
import type {
  AppendListener,
  AppendResult,
  EventStore,
  ExpectedRevision,
  JsonObject,
  JsonValue,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  TailRead,
} from '../event-store/event-store.port.ts';
import { decryptValue, encryptValue, ERASED, RESTRICTED, subjectOf } from './field-cipher.ts';
import { findPersonalData } from './personal-data.ts';
import type { SubjectKeys } from './subject-keys.ts';

export interface EncryptionOptions {
  /** Auditors see restricted subjects' data; every other reader sees it withheld. */
  revealRestricted: boolean;
}

/**
 * Encrypts the personal-data fields each event definition declares with their subject's key on the
 * way in, and decrypts on the way out, so deciders, projections and audit see plain values (or the
 * erased/restricted markers) while the store, its hashes and its backups hold only ciphertext.
 */
export class EncryptingEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly keys: SubjectKeys,
    private readonly catalog: EventCatalog,
    private readonly options: EncryptionOptions,
  ) {}

  async append(stream: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    const found = events.map((event) => findPersonalData(event.data, this.catalog.personalDataOf(event.type)).filter((field) => field.value !== null));
    const keys = await this.keys.keysFor(found.flat().map((field) => field.subjectId), true);
    const sealed = events.map((event, index) => {
      if (found[index]!.length === 0) return event;
      const data = structuredClone(event.data);
      for (const { subjectId, path, value } of found[index]!) {
        const key = keys.get(subjectId);
        setPath(data, path, key?.state === 'active' ? encryptValue(value, subjectId, key.key) : ERASED);
      }
      return { ...event, data };
    });
    return this.inner.append(stream, sealed, expected);
  }

  async readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.open(await this.inner.readStream(stream, options));
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.open(await this.inner.readAll(options));
  }

  async readTail(options?: ReadAllOptions): Promise<TailRead> {
    const read = await this.inner.readTail(options);
    return { ...read, events: await this.open(read.events) };
  }

  onAppended(listener: AppendListener): () => void {
    return this.inner.onAppended(listener);
  }

  subscribe(options?: SubscribeOptions): Subscription {
    const inner = this.inner.subscribe(options);
    const open = (event: RecordedEvent) => this.open([event]).then(([opened]) => opened!);
    return {
      close: () => inner.close(),
      async *[Symbol.asyncIterator]() {
        for await (const event of inner) yield await open(event);
      },
    };
  }

  headPosition(): Promise<bigint | undefined> {
    return this.inner.headPosition();
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  /** One key lookup for the whole batch, whatever the events' types or schema versions. */
  private async open(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    const subjects = new Set<string>();
    for (const event of events) collectSubjects(event.data, subjects);
    if (subjects.size === 0) return events;
    const keys = await this.keys.keysFor([...subjects], false);
    const reveal = (value: string): JsonValue => {
      const key = keys.get(subjectOf(value)!);
      if (!key || key.state === 'erased') return ERASED;
      if (key.restricted && !this.options.revealRestricted) return RESTRICTED;
      return decryptValue(value, key.key);
    };
    return events.map((event) => ({ ...event, data: mapStrings(event.data, reveal) as JsonObject }));
  }
}

function collectSubjects(value: JsonValue, into: Set<string>): void {
  if (typeof value === 'string') {
    const subject = subjectOf(value);
    if (subject) into.add(subject);
  } else if (Array.isArray(value)) value.forEach((element) => collectSubjects(element, into));
  else if (value !== null && typeof value === 'object') Object.values(value).forEach((element) => collectSubjects(element, into));
}

function mapStrings(value: JsonValue, reveal: (sealed: string) => JsonValue): JsonValue {
  if (typeof value === 'string') return subjectOf(value) ? reveal(value) : value;
  if (Array.isArray(value)) return value.map((element) => mapStrings(element, reveal));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, element]) => [key, mapStrings(element, reveal)]));
  return value;
}

/** Sets a value at a concrete dotted path (array indexes as numbers), e.g. `victims.0.name`. */
function setPath(data: JsonObject, path: string, value: JsonValue): void {
  const steps = path.split('.');
  let node: JsonValue = data;
  for (const step of steps.slice(0, -1)) node = (node as Record<string, JsonValue>)[step]!;
  (node as Record<string, JsonValue>)[steps.at(-1)!] = value;
}
