import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseHistories } from '../../../audit/history/case-history.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CaseNotFound } from '../../../command-pipeline/command-pipeline.errors.ts';
import { CommandPipeline } from '../../../command-pipeline/command-pipeline.ts';
import { idsOfPart } from '../../../command-pipeline/id-source.ts';
import { EventCatalog } from '../../../event-store/event-catalog.ts';
import { EVENT_STORE, type EventStore } from '../../../event-store/event-store.port.ts';
import { CONCURRENT_RECORDS, DataSubjectDecisions } from '../../../personal-data/data-subjects/data-subject-decisions.ts';
import type { ErasureGround } from '../../../personal-data/data-subjects/data-subject-grounds.ts';
import { SubjectKeys } from '../../../personal-data/subject-keys.ts';
import { DomainRuleViolation } from '../../../shared/domain/errors.ts';
import { inParallel } from '../../../shared/in-parallel.ts';
import { disposalOf } from '../../disposal-of.ts';
import { disposalDecider, refusalOf, type DueCase } from '../../domain/disposal.decide.ts';
import { disposalStream } from '../../domain/disposal.events.ts';
import { legalHoldDecider } from '../../domain/legal-hold.decide.ts';
import { legalHoldStream } from '../../domain/legal-hold.events.ts';
import { DisposalReview } from '../../queries/disposals-due/disposal-review.ts';
import { DisposeCasesCommand, type Disposed, type DisposedCase, type KeptCase } from './dispose-cases.command.ts';

/** Why a disposal erases: the data is no longer necessary for the purposes it was collected for. */
const DISPOSAL_GROUND: ErasureGround = 'art17-no-longer-necessary';

/** Cases erased and certified together: one flush of the erasure register and one key statement for each. */
const CASES_PER_BATCH = 500;

/**
 * Disposal first clears each case on its legal hold's stream (a hold placed since the review keeps it), then
 * erases each case's own data subject (its free text) and the people who appear in it alone, through
 * DataSubjectDecisions, then writes its certificate. The read models are not waited for case by case: they
 * follow the erasure records like any event, and the route waits once, at the end.
 */
@CommandHandler(DisposeCasesCommand)
export class DisposeCasesHandler implements ICommandHandler<DisposeCasesCommand> {
  constructor(
    private readonly review: DisposalReview,
    private readonly decisions: DataSubjectDecisions,
    private readonly keys: SubjectKeys,
    private readonly pipeline: CommandPipeline,
    private readonly cases: CaseHistories,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly catalog: EventCatalog,
  ) {}

  async execute({ asOf, chosen: { caseIds, limit }, context, minPosition }: DisposeCasesCommand): Promise<Disposed> {
    const due = await this.review.due(asOf, { limit, caseIds, minPosition });
    const chosen = caseIds ? await this.named(caseIds, due.items) : due.items;
    const disposed: DisposedCase[] = [];
    const kept: KeptCase[] = [];
    for (let start = 0; start < chosen.length; start += CASES_PER_BATCH) {
      const batch = await this.disposeOf(chosen.slice(start, start + CASES_PER_BATCH), context);
      disposed.push(...batch.disposed);
      kept.push(...batch.kept);
    }
    // Certificates are appended many at once: the last write is the highest position, not the last listed.
    const last = disposed.reduce<bigint | null>((highest, entry) => (highest === null || BigInt(entry.position) > highest ? BigInt(entry.position) : highest), null);
    return { asOf, disposed, kept, position: last?.toString() ?? null, more: due.more };
  }

  /** The named cases, each of which must be due: any other refuses the whole request before anything is erased. */
  private async named(caseIds: readonly string[], due: readonly DueCase[]): Promise<DueCase[]> {
    const wanted = new Set(caseIds);
    const dueNow = new Set(due.map((entry) => entry.caseId));
    for (const caseId of wanted) {
      if (dueNow.has(caseId)) continue;
      if (!(await this.cases.kindOf(caseId))) throw new CaseNotFound(caseId);
      const refusal = refusalOf(await disposalOf(this.store, this.catalog, caseId), { due: null, held: await this.review.isHeld(caseId) })!;
      throw new DomainRuleViolation(refusal.rule, `Case ${caseId}: ${refusal.message}`);
    }
    return [...due];
  }

  private async disposeOf(batch: readonly DueCase[], context: CommandContext): Promise<Pick<Disposed, 'disposed' | 'kept'>> {
    const [closed, reopened] = partition(batch, await inParallel(batch, CONCURRENT_RECORDS, (entry) => this.stillClosedAsReviewed(entry)));
    const [going, held] = partition(closed, await inParallel(closed, CONCURRENT_RECORDS, (entry) => this.clearedForDisposal(entry, context)));
    const keptBy = (rule: KeptCase['rule']) => (entry: DueCase): KeptCase => ({ caseId: entry.caseId, caseKind: entry.caseKind, rule });
    const kept = [...held.map(keptBy('legal-hold')), ...reopened.map(keptBy('reopened'))];
    const people = await this.keys.cases.peopleOnlyOf(going.map((entry) => entry.caseId));
    const subjectsOf = (entry: DueCase) => [entry.caseId, ...people.get(entry.caseId)!];
    // A retention period run out is Art. 17(1)(a); the disposed case's id is the reference, its certificate the rest.
    const groundsOf = (entry: DueCase) => ({ ground: DISPOSAL_GROUND, requestReference: entry.caseId });
    // Each case's own subject before its people, as an erasure of one person goes.
    await this.decisions.eraseAll(going.flatMap((entry) => subjectsOf(entry).map((subjectId) => ({ subjectId, grounds: groundsOf(entry) }))), context);
    const certified = await inParallel(going, CONCURRENT_RECORDS, async (entry): Promise<DisposedCase | undefined> => {
      const command = { type: 'DisposeCase' as const, caseId: entry.caseId, due: entry, held: false, subjectIds: subjectsOf(entry), by: context.actor.sub, now: context.now };
      try {
        const outcome = await this.pipeline.run({ stream: disposalStream(entry.caseId), caseId: entry.caseId, decider: disposalDecider, command, context: { ...context, ids: idsOfPart(context.ids, `disposal/${entry.caseId}`) }, createsCase: true });
        return { caseId: entry.caseId, caseKind: entry.caseKind, position: outcome.position.toString() };
      } catch (error) {
        // Another disposal running at the same time certified it first.
        if (!(error instanceof DomainRuleViolation && error.rule === 'already-disposed')) throw error;
        return undefined;
      }
    });
    return { disposed: certified.filter((entry) => entry !== undefined), kept };
  }

  /**
   * The review found the case closed in a read model, which may not yet have followed a command that opened it
   * again (a late review request, a referral reopened): its own history says whether it still closed then.
   */
  private async stillClosedAsReviewed(entry: DueCase): Promise<boolean> {
    const closedAt = await this.cases.closedAt(entry.caseId);
    return closedAt !== null && new Date(closedAt).getTime() === new Date(entry.closedAt).getTime();
  }

  /**
   * The review read the holds when the disposal began; a hold placed since must still keep the case. Clearing
   * the case on its hold's stream, after the hold's last event as read, settles it before anything is erased:
   * whichever of the clearance and a new hold is appended second re-reads the stream and is refused.
   */
  private async clearedForDisposal(entry: DueCase, context: CommandContext): Promise<boolean> {
    const command = { type: 'ClearForDisposal' as const, caseId: entry.caseId, by: context.actor.sub, now: context.now };
    const ids = idsOfPart(context.ids, `legal-hold/${entry.caseId}`);
    try {
      await this.pipeline.run({ stream: legalHoldStream(entry.caseId), caseId: entry.caseId, decider: legalHoldDecider, command, context: { ...context, ids }, createsCase: true });
      return true;
    } catch (error) {
      if (!(error instanceof DomainRuleViolation && error.rule === 'legal-hold')) throw error;
      return false;
    }
  }
}

/** The items whose test passed, then the others, each in their order. */
function partition<Item>(items: readonly Item[], passed: readonly boolean[]): [Item[], Item[]] {
  return [items.filter((_item, index) => passed[index]), items.filter((_item, index) => !passed[index])];
}
