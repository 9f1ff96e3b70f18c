import type { EventCatalog } from '../event-store/event-catalog.ts';
import type {
  AppendListener,
  AppendOptions,
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
import type { CaseLink } from './case-subjects.ts';
import { ERASED, openValue, RESTRICTED, sealedSubjectOf, sealValue } from './field-cipher.ts';
import { findPersonalData, type PersonalDataField } from './personal-data.ts';
import type { SubjectKeys } from './subject-keys.ts';

export interface EncryptionOptions {
  /** Auditors see restricted subjects' data; every other reader sees it withheld. */
  revealRestricted: boolean;
}

/**
 * Seals the personal-data fields each event definition declares with their subject's key on the way
 * in, and opens them on the way out, so deciders, projections and audit see plain values (or the
 * erased/restricted markers) while the store, its hashes and its backups hold only ciphertext. Only the
 * paths declared for an event's type and stored schema version are opened: a value anywhere else is the
 * writer's, whatever it looks like.
 */
export class EncryptingEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly keys: SubjectKeys,
    private readonly catalog: EventCatalog,
    private readonly options: EncryptionOptions,
  ) {}

  /** The store as stored, which a reader may read once for this store and others (see `openEvents`). */
  get readsThrough(): EventStore {
    return this.inner;
  }

  async append(stream: string, events: readonly NewEvent[], expected: ExpectedRevision, options?: AppendOptions): Promise<AppendResult> {
    const declared = events.map((event) => this.personalDataIn(event));
    // Linked before the events are stored: an erasure can never miss a case whose text it must reach.
    await this.keys.cases.link(declared.flatMap(caseLinks));
    const found = declared.map((fields) => fields.filter((field) => field.value !== null));
    const keys = await this.keys.keysFor(found.flat().map((field) => field.subjectId), true);
    const sealed = events.map((event, index) =>
      withValues(event, found[index]!, ({ subjectId, value }) => {
        const key = keys.get(subjectId);
        return key?.state === 'active' ? sealValue(value, subjectId, key.key) : ERASED;
      }),
    );
    return this.inner.append(stream, sealed, expected, options);
  }

  async readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.openEvents(await this.inner.readStream(stream, options));
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.openEvents(await this.inner.readAll(options));
  }

  async readTail(options?: ReadAllOptions): Promise<TailRead> {
    const read = await this.inner.readTail(options);
    return { ...read, events: await this.openEvents(read.events) };
  }

  onAppended(listener: AppendListener): () => void {
    return this.inner.onAppended(listener);
  }

  subscribe(options?: SubscribeOptions): Subscription {
    const inner = this.inner.subscribe(options);
    const open = (event: RecordedEvent) => this.openEvents([event]).then(([opened]) => opened!);
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

  committedHeadPosition(): Promise<bigint | undefined> {
    return this.inner.committedHeadPosition();
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private personalDataIn(event: Pick<NewEvent, 'type' | 'schemaVersion' | 'data'>): PersonalDataField[] {
    return findPersonalData(event.data, this.catalog.personalDataOf(event.type, event.schemaVersion));
  }

  /** Events read from `readsThrough`, as this store returns them; one key lookup for the whole batch, whatever the events' types or schema versions. */
  async openEvents(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    const found = events.map((event) => this.personalDataIn(event).filter((field) => sealedSubjectOf(field.value) !== undefined));
    const subjects = found.flat().map((field) => sealedSubjectOf(field.value)!);
    if (subjects.length === 0) return events;
    const keys = await this.keys.keysFor(subjects, false);
    const reveal = ({ value }: PersonalDataField): JsonValue => {
      const key = keys.get(sealedSubjectOf(value)!);
      if (!key || key.state === 'erased') return ERASED;
      if (key.restricted && !this.options.revealRestricted) return RESTRICTED;
      return openValue(value, key.key);
    };
    return events.map((event, index) => withValues(event, found[index]!, reveal));
  }
}

/** Every person of the event with every case whose free text it holds (null or not). */
function caseLinks(fields: readonly PersonalDataField[]): CaseLink[] {
  const subjects = (ofCase: boolean) => [...new Set(fields.filter((field) => field.ofCase === ofCase).map((field) => field.subjectId))];
  const cases = subjects(true);
  return subjects(false).flatMap((subjectId) => cases.map((caseSubjectId) => ({ subjectId, caseSubjectId })));
}

/**
 * The event with each of the fields replaced by what `replace` makes of it; the same event when there are none.
 * Only the objects on the fields' paths are copied (a deep copy of the whole payload was a few per cent of a
 * command's CPU); the rest is shared with the event given, which nothing here changes.
 */
export function withValues<Event extends NewEvent>(event: Event, fields: readonly PersonalDataField[], replace: (field: PersonalDataField) => JsonValue): Event {
  if (fields.length === 0) return event;
  const copies = new Set<object>();
  const copied = <Node extends JsonObject | JsonValue[]>(node: Node): Node => {
    if (copies.has(node)) return node;
    const copy = (Array.isArray(node) ? [...node] : { ...node }) as Node;
    copies.add(copy);
    return copy;
  };
  const data = copied(event.data);
  for (const field of fields) setPath(data, field.path, replace(field), copied);
  return { ...event, data };
}

/** Sets a value at a concrete dotted path (array indexes as numbers), e.g. `victims.0.name`, copying each container on the way. */
function setPath(data: JsonObject, path: string, value: JsonValue, copied: <Node extends JsonObject | JsonValue[]>(node: Node) => Node): void {
  const steps = path.split('.');
  let node = data as Record<string, JsonValue>;
  for (const step of steps.slice(0, -1)) {
    const child = copied(node[step] as JsonObject);
    node[step] = child;
    node = child as Record<string, JsonValue>;
  }
  node[steps.at(-1)!] = value;
}
