import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/config.schema.ts';
import { APPENDS_FEED, isFollowedStream, STREAM_APPENDED, type AppendsFeed } from '../database/change-feed.ts';
import { isUnavailable } from '../database/unavailable.ts';
import { EventCatalog } from '../event-store/event-catalog.ts';
import { WrongExpectedRevision } from '../event-store/event-store.errors.ts';
import { EVENT_STORE, type AppendResult, type EventStore, type JsonObject, type NewEvent, type RecordedEvent } from '../event-store/event-store.port.ts';
import { type Decider, type DomainEvent } from '../shared/domain/decider.ts';
import { CaseDisposedOf } from '../retention/domain/disposal.decide.ts';
import { FollowedDisposals } from '../retention/disposal-of.ts';
import { ProcessingRestriction } from '../personal-data/processing-restriction.ts';
import { CommandTelemetry, commandTypeOf } from '../observability/command-telemetry.ts';
import type { CommandContext } from './command-context.ts';
import { CaseNotFound, RevisionMismatch, TooMuchContention } from './command-pipeline.errors.ts';
import { ContentionBackoff } from './contention-backoff.ts';
import { PerCaseQueue } from './per-case-queue.ts';
import { CaseStates, type CaseStateTicket, type FoldedCase } from './case-states.ts';

export interface CommandRun<State, Command, Event extends DomainEvent> {
  stream: string;
  caseId: string;
  decider: Decider<State, Command, Event>;
  command: Command;
  context: CommandContext;
  /** True for the command that opens a case; every other command needs an existing case. */
  createsCase?: boolean;
  /**
   * The command opens a case under an id minted for it, so the first try decides on the initial state
   * and appends expecting no stream without reading it; should the stream exist after all (a retry
   * with the same id), it is read and decided on as usual.
   */
  newStream?: boolean;
  /** The case takes no command while a data subject of it has processing restricted (UK GDPR Art. 18): true but for the lawful exceptions. */
  stopsWhileRestricted?: boolean;
  /** The command changes a case, which takes none once disposed of under the retention schedule. */
  stopsOnceDisposed?: boolean;
}

export interface CommandOutcome extends AppendResult {
  id: string;
}

/**
 * Load, fold, decide, append. Commands to one case queue behind each other in this process (and fail together when
 * the database is away); a write from another process in between makes the command wait a jittered while, re-read
 * and re-decide (bounded).
 * With If-Match the client's revision is the expectation and a mismatch is 412.
 */
@Injectable()
export class CommandPipeline {
  private readonly maxAttempts: number;
  /** The commands queued behind one that found the database away would each wait out its timeout: they fail with it. */
  private readonly queue = new PerCaseQueue(isUnavailable);
  private readonly states: CaseStates;
  private readonly disposals: FollowedDisposals;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly catalog: EventCatalog,
    config: ConfigService<AppConfig, true>,
    private readonly telemetry: CommandTelemetry,
    private readonly backoff: ContentionBackoff,
    private readonly restriction: ProcessingRestriction,
    @Inject(APPENDS_FEED) private readonly appends: AppendsFeed,
  ) {
    this.maxAttempts = config.get('COMMAND_RETRIES', { infer: true }) + 1;
    this.states = new CaseStates(appends.feed);
    this.disposals = new FollowedDisposals(store, catalog, appends.feed);
  }

  run<State, Command, Event extends DomainEvent>(run: CommandRun<State, Command, Event>): Promise<CommandOutcome> {
    return this.telemetry.observe(commandTypeOf(run.command), () => this.queue.run(run.stream, () => this.decideAndAppend(run)));
  }

  private async decideAndAppend<State, Command, Event extends DomainEvent>(run: CommandRun<State, Command, Event>): Promise<CommandOutcome> {
    // The certificate's stream is read beside the case's (the store gathers reads made together into one query).
    const notDisposed = run.stopsOnceDisposed ? this.refuseIfDisposed(run.caseId) : undefined;
    const known = { ticket: this.states.ticket(), folded: run.newStream ? this.folded(run, []) : this.cachedCase(run) };
    if (known.folded) {
      await notDisposed;
      const outcome = await this.decideOnKnown(known.folded, known.ticket, run);
      if (outcome) return outcome;
    }
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      if (attempt > 1) await this.backoff.wait(attempt - 1);
      const ticket = this.states.ticket();
      const [history] = await Promise.all([this.store.readStream(run.stream), notDisposed]);
      const applied = firstRunOutcome(history, run);
      if (applied) return applied;
      const folded = this.folded(run, history);
      this.states.set(ticket, run.stream, folded);
      const outcome = await this.decideOn(folded, ticket, run);
      if (outcome) return outcome;
    }
    throw new TooMuchContention(this.maxAttempts);
  }

  /**
   * The case as this process last folded it, when it may be current. Not for a command retried under its
   * Idempotency-Key, which looks in the history for what its first run appended.
   */
  private cachedCase<State>(run: CommandRun<State, unknown, DomainEvent>): FoldedCase<State> | undefined {
    return run.context.ids.repeatable ? undefined : this.states.get<State>(run.stream);
  }

  /**
   * Decides on a case not read for this command (kept from an earlier one, or a new stream): only an append
   * that its expected revision lets through shows it was current, so any other end (a refusal, nothing to
   * append, a write from elsewhere first) is undefined, and the case is read and decided on again.
   */
  private async decideOnKnown<State, Command, Event extends DomainEvent>(
    known: FoldedCase<State>,
    ticket: CaseStateTicket,
    run: CommandRun<State, Command, Event>,
  ): Promise<CommandOutcome | undefined> {
    try {
      return await this.decideOn(known, ticket, run, { appendOnly: true });
    } catch (error) {
      if (error instanceof UnconfirmedState) return undefined;
      throw error;
    }
  }

  /**
   * Decides on the folded case and appends after it; undefined when another writer appended first. The case
   * after the append is kept if no subject's key changed since `ticket`, taken before the case was read or found.
   */
  private async decideOn<State, Command, Event extends DomainEvent>(
    folded: FoldedCase<State>,
    ticket: CaseStateTicket,
    run: CommandRun<State, Command, Event>,
    { appendOnly = false } = {},
  ): Promise<CommandOutcome | undefined> {
    const decided = appendOnly ? await unconfirmedUnlessAppended(() => this.decide(folded, run)) : await this.decide(folded, run);
    if (decided.length === 0 && appendOnly) throw new UnconfirmedState();
    if (decided.length === 0 && folded.revision !== undefined) return { id: run.caseId, revision: folded.revision, position: folded.position! };
    const events = decided.map((event, index) => this.toNewEvent(event, index, run.context));
    // As the store will give them back (plain JSON): the state kept after this append folds them so.
    const asStored = events.map(({ type, schemaVersion, data }) => ({ type, schemaVersion, data: JSON.parse(JSON.stringify(data)) as JsonObject }));
    try {
      const result = await this.telemetry.observeAppend(() => this.store.append(run.stream, events, folded.revision ?? 'no_stream'));
      // A restriction or a settings change holds for this process's next request, not only once the feed tells it.
      if (isFollowedStream(run.stream)) this.appends.feed?.announce(STREAM_APPENDED, run.stream);
      if (await this.restriction.readAsWritten(this.restriction.subjectsOf(asStored))) this.states.set(ticket, run.stream, this.evolved(run, folded, asStored, result));
      return { id: run.caseId, ...result };
    } catch (error) {
      this.states.forget(run.stream);
      if (!(error instanceof WrongExpectedRevision)) throw error;
      if (run.context.expectedRevisions) throw new RevisionMismatch(run.context.expectedRevisions, error.actual);
      return undefined;
    }
  }

  /** The case's rules: it exists, matches If-Match, is not restricted; then the decider's. Nothing to append is an empty list. */
  private async decide<State, Command, Event extends DomainEvent>(folded: FoldedCase<State>, run: CommandRun<State, Command, Event>): Promise<Event[]> {
    if (folded.revision === undefined && !run.createsCase && !run.newStream) throw new CaseNotFound(run.caseId);
    const expectedRevisions = run.context.expectedRevisions;
    if (expectedRevisions && !(folded.revision !== undefined && expectedRevisions.includes(folded.revision))) throw new RevisionMismatch(expectedRevisions, folded.revision);
    if (run.stopsWhileRestricted) await this.restriction.refuseIfRestricted(folded.subjects);
    return run.decider.decide(run.command, folded.state);
  }

  private folded<State, Command, Event extends DomainEvent>(run: CommandRun<State, Command, Event>, history: readonly RecordedEvent[]): FoldedCase<State> {
    const start: FoldedCase<State> = { state: run.decider.initialState(), revision: undefined, position: undefined, subjects: [] };
    const last = history.at(-1);
    return last ? this.evolved(run, start, history, last) : start;
  }

  /** The case after `events`, the last of them at `last`. */
  private evolved<State, Command, Event extends DomainEvent>(
    run: CommandRun<State, Command, Event>,
    folded: FoldedCase<State>,
    events: readonly Pick<RecordedEvent, 'type' | 'schemaVersion' | 'data'>[],
    last: AppendResult,
  ): FoldedCase<State> {
    const state = events.reduce((current, event) => run.decider.evolve(current, this.catalog.toDomain<Event>(event)), folded.state);
    const subjects = [...new Set([...folded.subjects, ...this.restriction.subjectsOf(events)])];
    return { state, revision: last.revision, position: last.position, subjects };
  }

  /** From the certificate's own stream (kept while the change feed follows it), so the refusal holds from the moment it is written, in every process. */
  private async refuseIfDisposed(caseId: string): Promise<void> {
    const disposal = await this.disposals.of(caseId);
    if (disposal.status === 'disposed') throw new CaseDisposedOf(disposal.at);
  }

  private toNewEvent(event: DomainEvent, index: number, context: CommandContext): NewEvent {
    return {
      id: context.ids.eventId(index),
      type: event.type,
      schemaVersion: this.catalog.schemaVersionOf(event),
      data: this.catalog.dataOf(event),
      metadata: { actor: context.actor, correlationId: context.correlationId, causationId: context.causationId },
    };
  }
}

/** A case not read for this command ended in something other than an append: it is read and decided on again. */
class UnconfirmedState extends Error {
  override readonly name = 'UnconfirmedState';
}

/** What deciding on an unread case throws is only believed once the case is read. */
async function unconfirmedUnlessAppended<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch {
    throw new UnconfirmedState();
  }
}

/**
 * A command retried under its Idempotency-Key after a crash (its response never recorded) finds the events
 * its first run appended, whose ids derive from the key, and answers as that run did rather than deciding again.
 */
function firstRunOutcome(history: RecordedEvent[], run: { caseId: string; context: CommandContext }): CommandOutcome | undefined {
  const { ids } = run.context;
  if (!ids.repeatable) return undefined;
  const firstId = ids.eventId(0);
  const first = history.findIndex((event) => event.id === firstId);
  if (first < 0) return undefined;
  let last = first;
  while (history[last + 1]?.id === ids.eventId(last + 1 - first)) last++;
  return { id: run.caseId, revision: history[last]!.revision, position: history[last]!.position };
}
