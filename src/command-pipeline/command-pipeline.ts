import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/config.schema.ts';
import { APPENDS_FEED, isFollowedStream, STREAM_APPENDED, type AppendsFeed } from '../database/change-feed.ts';
import { EventCatalog } from '../event-store/event-catalog.ts';
import { WrongExpectedRevision } from '../event-store/event-store.errors.ts';
import { EVENT_STORE, type AppendResult, type EventStore, type NewEvent, type RecordedEvent } from '../event-store/event-store.port.ts';
import { type Decider, type DomainEvent } from '../shared/domain/decider.ts';
import { CaseDisposedOf } from '../retention/domain/disposal.decide.ts';
import { disposalOf } from '../retention/disposal-of.ts';
import { ProcessingRestriction } from '../personal-data/processing-restriction.ts';
import { CommandTelemetry, commandTypeOf } from '../observability/command-telemetry.ts';
import type { CommandContext } from './command-context.ts';
import { CaseNotFound, RevisionMismatch, TooMuchContention } from './command-pipeline.errors.ts';
import { ContentionBackoff } from './contention-backoff.ts';
import { PerCaseQueue } from './per-case-queue.ts';

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
 * Load, fold, decide, append. Commands to one case queue behind each other in this process; a write from
 * another process in between makes the command wait a jittered while, re-read and re-decide (bounded).
 * With If-Match the client's revision is the expectation and a mismatch is 412.
 */
@Injectable()
export class CommandPipeline {
  private readonly maxAttempts: number;
  private readonly queue = new PerCaseQueue();

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
  }

  run<State, Command, Event extends DomainEvent>(run: CommandRun<State, Command, Event>): Promise<CommandOutcome> {
    return this.telemetry.observe(commandTypeOf(run.command), () => this.queue.run(run.stream, () => this.decideAndAppend(run)));
  }

  private async decideAndAppend<State, Command, Event extends DomainEvent>(run: CommandRun<State, Command, Event>): Promise<CommandOutcome> {
    if (run.stopsOnceDisposed) await this.refuseIfDisposed(run.caseId);
    if (run.newStream) {
      const outcome = await this.decideOn([], run);
      if (outcome) return outcome;
    }
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      if (attempt > 1) await this.backoff.wait(attempt - 1);
      const outcome = await this.decideOn(await this.store.readStream(run.stream), run);
      if (outcome) return outcome;
    }
    throw new TooMuchContention(this.maxAttempts);
  }

  /** Folds the history read, decides and appends after it; undefined when another writer appended first. */
  private async decideOn<State, Command, Event extends DomainEvent>(history: RecordedEvent[], run: CommandRun<State, Command, Event>): Promise<CommandOutcome | undefined> {
    const applied = firstRunOutcome(history, run);
    if (applied) return applied;
    const last = history.at(-1);
    if (!last && !run.createsCase && !run.newStream) throw new CaseNotFound(run.caseId);
    const expectedRevisions = run.context.expectedRevisions;
    if (expectedRevisions && !(last && expectedRevisions.includes(last.revision))) throw new RevisionMismatch(expectedRevisions, last?.revision);
    if (run.stopsWhileRestricted) await this.restriction.refuseIfRestricted(history);

    const state = history.reduce((folded, event) => run.decider.evolve(folded, this.catalog.toDomain<Event>(event)), run.decider.initialState());
    const decided = run.decider.decide(run.command, state);
    if (decided.length === 0 && last) return { id: run.caseId, revision: last.revision, position: last.position };
    try {
      const events = decided.map((event, index) => this.toNewEvent(event, index, run.context));
      const result = await this.telemetry.observeAppend(() => this.store.append(run.stream, events, last?.revision ?? 'no_stream'));
      // A restriction or a settings change holds for this process's next request, not only once the feed tells it.
      if (isFollowedStream(run.stream)) this.appends.feed?.announce(STREAM_APPENDED, run.stream);
      return { id: run.caseId, ...result };
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision)) throw error;
      if (expectedRevisions) throw new RevisionMismatch(expectedRevisions, error.actual);
      return undefined;
    }
  }

  /** Read from the certificate's own stream, so the refusal holds from the moment it is written, in every process. */
  private async refuseIfDisposed(caseId: string): Promise<void> {
    const disposal = await disposalOf(this.store, this.catalog, caseId);
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
