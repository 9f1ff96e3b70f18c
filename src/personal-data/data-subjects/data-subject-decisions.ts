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

/** How long a decision waits for the read models to follow it before answering 202 (they follow within the usual projection lag). */
const READ_MODELS_WAIT_MS = 10_000;

/** Records of a batch of erasures appended at once. */
export const CONCURRENT_RECORDS = 16;

const CASE_ALREADY_THERE = ['already-erased', 'already-restricted', 'not-restricted'];

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

  /** Records one decision about a person, their cases' free text first: a crash in between leaves it erased or restricted, never the person alone. */
  async decide(subjectId: string, type: DataSubjectCommand['type'], reason: string, context: CommandContext): Promise<CommandOutcome> {
    for (const caseSubjectId of await this.keys.cases.casesOf(subjectId)) await this.followedByCase(caseSubjectId, subjectId, type, reason, context);
    return this.record(subjectId, type, reason, context);
  }

  /** Waits for every read model that copies personal data to follow the decisions up to `position`. */
  async readModelsFollowing(position: bigint): Promise<ReadModelsFollowed> {
    const { updated, behind } = await this.projections.waitForPersonalDataReadModels(position, READ_MODELS_WAIT_MS);
    return { readModelsUpdated: updated, readModelsBehind: behind };
  }

  /**
   * Erases many subjects at once, in order (a disposal's: each case's own subject before its people), as `decide`
   * erases one: registered with one flush, keys destroyed in one statement, then each recorded. Subjects already
   * erased are left as they are. The position of the last record, if any was written.
   */
  async eraseAll(subjects: readonly { subjectId: string; reason: string }[], context: CommandContext): Promise<bigint | undefined> {
    const keys = await this.keys.keysFor(subjects.map((subject) => subject.subjectId), false);
    const pending = subjects.filter((subject) => keys.get(subject.subjectId)?.state !== 'erased');
    await this.register.record(...pending.map(({ subjectId, reason }) => registerEntry(subjectId, reason, context)));
    await this.keys.erase(...pending.map((subject) => subject.subjectId));
    // The keys are destroyed already: the records may go in any order, many to a commit.
    const positions = await inParallel(pending, CONCURRENT_RECORDS, async ({ subjectId, reason }) => {
      try {
        return (await this.append(subjectId, 'Erase', reason, { ...context, ids: idsOfPart(context.ids, `subject/${subjectId}`) })).position;
      } catch (error) {
        if (!(error instanceof DomainRuleViolation && error.rule === 'already-erased')) throw error;
        return undefined;
      }
    });
    return positions.reduce<bigint | undefined>((last, position) => (position !== undefined && (last === undefined || position > last) ? position : last), undefined);
  }

  private async record(subjectId: string, type: DataSubjectCommand['type'], reason: string, context: CommandContext): Promise<CommandOutcome> {
    const key = (await this.keys.keysFor([subjectId], false)).get(subjectId);
    // Registered outside the database first, so a restore from a backup taken before now can erase them again.
    if (type === 'Erase' && key?.state !== 'erased') await this.register.record(registerEntry(subjectId, reason, context));
    // The key changes before the record is written: the read models fold the subject's rows again when they reach
    // the record, reading them as it says. A crash in between leaves the change made, and a retry (or, for an
    // erasure, the next start: InterruptedErasures) writes the record.
    if (type === 'Erase') await this.keys.erase(subjectId);
    else await this.keys.restrict(subjectId, type === 'Restrict');
    return this.append(subjectId, type, reason, context);
  }

  private append(subjectId: string, type: DataSubjectCommand['type'], reason: string, context: CommandContext): Promise<CommandOutcome> {
    const command = { type, subjectId, reason, metadata: { now: context.now } };
    return this.pipeline.run({ stream: dataSubjectStream(subjectId), caseId: subjectId, decider: dataSubjectDecider, command, context, createsCase: true });
  }

  /**
   * The case's own data subject (its free text) follows the decision about any of its people, recorded like any
   * other subject's; a case already erased or restricted stays so, and stays restricted while another of its people is.
   */
  private async followedByCase(caseSubjectId: string, personId: string, type: DataSubjectCommand['type'], reason: string, context: CommandContext): Promise<void> {
    if (type === 'LiftRestriction' && (await this.keys.cases.anotherRestricted(caseSubjectId, personId))) return;
    // A key to restrict even before the case has free text, so text written while restricted is withheld too.
    if (type === 'Restrict') await this.keys.keysFor([caseSubjectId], true);
    const ids = idsOfPart(context.ids, `case/${caseSubjectId}`);
    try {
      await this.record(caseSubjectId, type, `With data subject ${personId} of the case: ${reason}`, { ...context, ids });
    } catch (error) {
      if (!(error instanceof DomainRuleViolation && CASE_ALREADY_THERE.includes(error.rule))) throw error;
    }
  }
}

const registerEntry = (subjectId: string, reason: string, context: CommandContext): ErasureEntry => ({ subjectId, erasedAt: context.now.toISOString(), reason, requestId: context.correlationId });
