/** A domain event as the deciders see it: a plain, serialisable, past-tense fact. */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  type: Type;
  data: Data;
}

/** What every command brings from outside the domain, so decide stays pure and testable. */
export interface CommandMetadata {
  /** Server clock at the time of the command. */
  now: Date;
}

/**
 * Emmett-style decider: `evolve` folds history into state, `decide` holds every rule and either
 * returns new events or throws a DomainRuleViolation.
 */
export interface Decider<State, Command, Event extends DomainEvent> {
  initialState(): State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State): Event[];
}

export function fold<State, Event extends DomainEvent>(
  decider: Pick<Decider<State, never, Event>, 'initialState' | 'evolve'>,
  events: readonly Event[],
): State {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState());
}

/** Ends an exhaustive switch: a new command or event that is not handled fails to compile. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
