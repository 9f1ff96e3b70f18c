import { Injectable } from '@nestjs/common';
import { ProjectionsService } from '../../../projections/runner/projections.service.ts';
import type { CommandContext } from '../../command-pipeline/command-context.ts';
import { CommandPipeline, type CommandOutcome } from '../../command-pipeline/command-pipeline.ts';
import { SubjectKeys } from '../subject-keys.ts';
import { dataSubjectDecider, type DataSubjectCommand } from './data-subject.decide.ts';
import { dataSubjectStream } from './data-subject.events.ts';

/** How long a decision waits for the read models to be rebuilt before answering 202. */
const REBUILD_WAIT_MS = 30_000;

/**
 * Erasure by crypto-shredding, and restriction, of data subjects: history keeps its ciphertext and hashes;
 * the read models that copy personal data are rebuilt without it, once for however many subjects.
 */
@Injectable()
export class DataSubjectDecisions {
  constructor(
    private readonly keys: SubjectKeys,
    private readonly pipeline: CommandPipeline,
    private readonly projections: ProjectionsService,
  ) {}

  async holdsDataOf(subjectId: string): Promise<boolean> {
    return (await this.keys.keysFor([subjectId], false)).size > 0;
  }

  /** Records one decision; call `rebuildReadModels` once the decisions of a request are recorded. */
  async record(subjectId: string, type: DataSubjectCommand['type'], reason: string, context: CommandContext): Promise<CommandOutcome> {
    // Destroyed before the record is written: a crash in between leaves the data erased, and a retry or the next start (InterruptedErasures) writes the record.
    if (type === 'Erase') await this.keys.erase(subjectId);
    const command = { type, subjectId, reason, metadata: { now: context.now } };
    const outcome = await this.pipeline.run({ stream: dataSubjectStream(subjectId), caseId: subjectId, decider: dataSubjectDecider, command, context, createsCase: true });
    if (type !== 'Erase') await this.keys.restrict(subjectId, type === 'Restrict');
    return outcome;
  }

  async rebuildReadModels(): Promise<{ readModelsRebuilt: string[]; readModelsStillRebuilding: string[] }> {
    const { rebuilt, stillRebuilding } = await this.projections.rebuildPersonalDataReadModels(REBUILD_WAIT_MS);
    return { readModelsRebuilt: rebuilt, readModelsStillRebuilding: stillRebuilding };
  }
}
