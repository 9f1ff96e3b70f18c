import { Injectable } from '@nestjs/common';
import { ProjectionsService } from '../../../projections/runner/projections.service.ts';
import type { CommandContext } from '../../command-pipeline/command-context.ts';
import { CommandPipeline, type CommandOutcome } from '../../command-pipeline/command-pipeline.ts';
import { idsOfPart } from '../../command-pipeline/id-source.ts';
import { DomainRuleViolation } from '../../shared/domain/errors.ts';
import { inParallel } from '../../shared/in-parallel.ts';
import { ErasureRegister, type ErasureEntry } from '../erasure-register/erasure-register.ts';
import { SubjectKeys } from '../subject-keys.ts';
import { dataSubjectDecider, type DataSubjectCommand } from './data-subject.decide.ts';
import { dataSubjectStream } from './data-subject.events.ts';
import type { DecisionGrounds } from './data-subject-grounds.ts';

/** How long a decision waits for the read models to follow it before answering 202 (they follow within the usual projection lag). */
const READ_MODELS_WAIT_MS = 10_000;

/** Records of a batch of erasures appended at once. */
export const CONCURRENT_RECORDS = 16;

const CASE_ALREADY_THERE = ['already-erased', 'already-restricted', 'not-restricted'];

/** One subject's erasure: on what ground, and the request it is recorded for. */
interface Erasure {
  subjectId: string;
  grounds: DecisionGrounds;
  context: CommandContext;
}

export type ReadModelsFollowed = { readModelsUpdated: string[]; readModelsBehind: string[] };

/**
 * Erasure by crypto-shredding, and restriction, of data subjects (a victim, complainant, offender, officer...) and
 * with them of their cases' free text. History keeps its ciphertext and hashes; the read models fold again the rows
 * holding the subject's data.
 */
@Injectable()
export class DataSubjectDecisions {
  constructor(
    private readonly keys: SubjectKeys,
    private readonly pipeline: CommandPipeline,
    private readonly projections: ProjectionsService,
    private readonly register: ErasureRegister,
  ) {}

  async holdsDataOf(subjectId: string): Promise<boolean> {
    return (await this.keys.keysFor([subjectId], false)).size > 0;
  }

  /**
   * Records one decision about a person and their cases' free text: an erasure of all at once, a restriction or
   * its lift case by case, the person last. A crash in between leaves the free text erased or restricted, never
   * the person alone. The cases' records carry the person's grounds (the correlation id ties them together).
   */
  async decide(subjectId: string, type: DataSubjectCommand['type'], grounds: DecisionGrounds, context: CommandContext): Promise<CommandOutcome> {
    if (type === 'Erase') return this.erase(subjectId, grounds, context);
    for (const caseSubjectId of await this.keys.cases.casesOf(subjectId)) await this.followedByCase(caseSubjectId, subjectId, type, grounds, context);
    return this.record(subjectId, type, grounds, context);
  }

  /** Waits for every read model that copies personal data to follow the decisions up to `position`. */
  async readModelsFollowing(position: bigint): Promise<ReadModelsFollowed> {
    const { updated, behind } = await this.projections.waitForPersonalDataReadModels(position, READ_MODELS_WAIT_MS);
    return { readModelsUpdated: updated, readModelsBehind: behind };
  }

  /**
   * Erases many subjects at once, as `erase` erases a person and their cases (a disposal's: each case's own
   * subject before its people). Subjects already erased are left as they are. The position of the last record,
   * if any was written.
   */
  async eraseAll(subjects: readonly { subjectId: string; grounds: DecisionGrounds }[], context: CommandContext): Promise<bigint | undefined> {
    const recorded = await this.eraseTogether(subjects.map((subject) => ({ ...subject, context: { ...context, ids: idsOfPart(context.ids, `subject/${subject.subjectId}`) } })));
    return recorded.reduce<bigint | undefined>((last, outcome) => (outcome instanceof DomainRuleViolation || (last !== undefined && outcome.position <= last) ? last : outcome.position), undefined);
  }

  /**
   * The person's erasure with their cases' free text, in one go: their records are appended side by side, so
   * the read models fold the person's rows again once for all of them rather than once each.
   */
  private async erase(subjectId: string, grounds: DecisionGrounds, context: CommandContext): Promise<CommandOutcome> {
    const cases = (await this.keys.cases.casesOf(subjectId)).map((caseSubjectId) => ({
      subjectId: caseSubjectId,
      grounds,
      context: { ...context, ids: idsOfPart(context.ids, `case/${caseSubjectId}`) },
    }));
    const own = (await this.eraseTogether([...cases, { subjectId, grounds, context }])).at(-1)!;
    if (own instanceof DomainRuleViolation) throw own;
    return own;
  }

  /**
   * Registered with one flush and keys destroyed in one statement (so a crash leaves all of them erased or none),
   * then the records, many to a commit: the keys are destroyed already, so they may go in any order. A record
   * refused because the subject's erasure was recorded before comes back as that refusal.
   */
  private async eraseTogether(subjects: readonly Erasure[]): Promise<(CommandOutcome | DomainRuleViolation)[]> {
    const keys = await this.keys.keysFor(subjects.map((subject) => subject.subjectId), false);
    // Registered outside the database first, so a restore from a backup taken before now can erase them again.
    await this.register.record(...subjects.filter((subject) => keys.get(subject.subjectId)?.state !== 'erased').map(({ subjectId, grounds, context }) => registerEntry(subjectId, grounds, context)));
    await this.keys.erase(...subjects.map((subject) => subject.subjectId));
    const recorded = await inParallel(subjects, CONCURRENT_RECORDS, async ({ subjectId, grounds, context }) => {
      try {
        return await this.append(subjectId, 'Erase', grounds, context);
      } catch (error) {
        if (error instanceof DomainRuleViolation && error.rule === 'already-erased') return error;
        throw error;
      }
    });
    // Each has its record now (refused: written before). A crash before this leaves them to the next start's check.
    await this.keys.erasuresRecorded(subjects.map((subject) => subject.subjectId));
    return recorded;
  }

  /** A restriction, or its lift: the key changes before the record, which the read models fold the subject's rows again for. */
  private async record(subjectId: string, type: Exclude<DataSubjectCommand['type'], 'Erase'>, grounds: DecisionGrounds, context: CommandContext): Promise<CommandOutcome> {
    // A crash between the two leaves the change made, and a retry writes the record.
    await this.keys.restrict(subjectId, type === 'Restrict');
    return this.append(subjectId, type, grounds, context);
  }

  private append(subjectId: string, type: DataSubjectCommand['type'], { ground, requestReference }: DecisionGrounds, context: CommandContext): Promise<CommandOutcome> {
    const command = { type, subjectId, ground, requestReference, metadata: { now: context.now } };
    return this.pipeline.run({ stream: dataSubjectStream(subjectId), caseId: subjectId, decider: dataSubjectDecider, command, context, createsCase: true });
  }

  /**
   * The case's own data subject (its free text) follows the decision about any of its people, recorded like any
   * other subject's; a case already erased or restricted stays so, and stays restricted while another of its people is.
   */
  private async followedByCase(caseSubjectId: string, personId: string, type: Exclude<DataSubjectCommand['type'], 'Erase'>, grounds: DecisionGrounds, context: CommandContext): Promise<void> {
    if (type === 'LiftRestriction' && (await this.keys.cases.anotherRestricted(caseSubjectId, personId))) return;
    // A key to restrict even before the case has free text, so text written while restricted is withheld too.
    if (type === 'Restrict') await this.keys.keysFor([caseSubjectId], true);
    const ids = idsOfPart(context.ids, `case/${caseSubjectId}`);
    try {
      await this.record(caseSubjectId, type, grounds, { ...context, ids });
    } catch (error) {
      if (!(error instanceof DomainRuleViolation && CASE_ALREADY_THERE.includes(error.rule))) throw error;
    }
  }
}

const registerEntry = (subjectId: string, { ground, requestReference }: DecisionGrounds, context: CommandContext): ErasureEntry => ({
  subjectId,
  erasedAt: context.now.toISOString(),
  ground,
  requestReference,
  requestId: context.correlationId,
});
