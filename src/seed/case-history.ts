import { randomUUID } from 'node:crypto';
import type { EventCatalog } from '../event-store/event-catalog.ts';
import type { Actor, EventStore, NewEvent } from '../event-store/event-store.port.ts';
import type { CommandMetadata, Decider, DomainEvent } from '../shared/domain/decider.ts';

interface DecidedEvent<Event> {
  event: Event;
  actor: Actor;
  correlationId: string;
}

/**
 * One case's history, written as its users would have: each command goes through the context's real
 * decider at its own (past) time, so every rule holds. The history ends where the next step lies in the
 * future: that case is simply still open.
 */
export class CaseHistory<State, Command, Event extends DomainEvent> {
  private current: State;
  private readonly decided: DecidedEvent<Event>[] = [];
  private ended = false;

  constructor(
    readonly stream: string,
    private readonly decider: Decider<State, Command, Event>,
    private readonly now: Date,
  ) {
    this.current = decider.initialState();
  }

  get state(): State {
    return this.current;
  }

  get size(): number {
    return this.decided.length;
  }

  /** False, and nothing more is decided, once a step's time is after now. */
  decide(at: Date, actor: Actor, command: (metadata: CommandMetadata) => Command): boolean {
    if (this.ended || at > this.now) {
      this.ended = true;
      return false;
    }
    const correlationId = randomUUID();
    for (const event of this.decider.decide(command({ now: at }), this.current)) {
      this.current = this.decider.evolve(this.current, event);
      this.decided.push({ event, actor, correlationId });
    }
    return true;
  }

  /** The whole history in one append: the stream is new, so nothing can race it. */
  async append(store: EventStore, catalog: EventCatalog): Promise<bigint> {
    const events: NewEvent[] = this.decided.map(({ event, actor, correlationId }) => ({
      id: randomUUID(),
      type: event.type,
      schemaVersion: catalog.schemaVersionOf(event),
      data: catalog.dataOf(event),
      metadata: { actor, correlationId, causationId: correlationId },
    }));
    return (await store.append(this.stream, events, 'no_stream')).position;
  }
}
