import { Body, Controller, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ProjectionsService } from '../../../projections/runner/projections.service.ts';
import { Roles } from '../../auth/roles.ts';
import type { CommandContext } from '../../command-pipeline/command-context.ts';
import { CommandPipeline } from '../../command-pipeline/command-pipeline.ts';
import { idsDerivedFrom, randomIds } from '../../command-pipeline/id-source.ts';
import { DomainRuleViolation } from '../../shared/domain/errors.ts';
import { commandResponse, type CommandResponse } from '../../http/command-response.ts';
import { CommandCtx } from '../../http/request-context.ts';
import { SubjectKeys } from '../subject-keys.ts';
import { dataSubjectDecider, type DataSubjectCommand } from './data-subject.decide.ts';
import { dataSubjectStream } from './data-subject.events.ts';
import { DataSubjectDecisionDto } from './data-subjects.dto.ts';

/** How long a decision waits for the read models to be rebuilt before answering 202. */
const REBUILD_WAIT_MS = 30_000;

const DECISIONS = { erase: 'Erase', restrict: 'Restrict', 'lift-restriction': 'LiftRestriction' } as const satisfies Record<string, DataSubjectCommand['type']>;
type Decision = keyof typeof DECISIONS;

type Outcome = CommandResponse & { readModelsRebuilt: string[]; readModelsStillRebuilding: string[] };

/**
 * Erasure by crypto-shredding, and restriction, of one data subject (a victim, complainant, offender,
 * officer...) and with them of their cases' free text. History keeps its ciphertext and hashes; the read
 * models are rebuilt without the data.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/data-subjects')
export class DataSubjectsController {
  constructor(
    private readonly keys: SubjectKeys,
    private readonly pipeline: CommandPipeline,
    private readonly projections: ProjectionsService,
  ) {}

  @Post(':subjectId/:decision')
  @HttpCode(200)
  @Roles('admin')
  @ApiParam({
    name: 'decision',
    enum: Object.keys(DECISIONS),
    description: '`erase` destroys the key; `restrict` keeps the data but shows it to auditors only; `lift-restriction` ends that',
  })
  @ApiOkResponse({ description: 'Recorded, and the read models that copy personal data rebuilt (202 while the rebuild is still running)' })
  async decide(
    @Param('subjectId', new ParseUUIDPipe()) subjectId: string,
    @Param('decision') decision: string,
    @Body() { reason }: DataSubjectDecisionDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Outcome> {
    // Own keys only: `in` would find `constructor` or `toString` on the object's prototype.
    if (!Object.hasOwn(DECISIONS, decision)) throw new NotFoundException(`No such decision: ${Object.keys(DECISIONS).join(', ')}`);
    if ((await this.keys.keysFor([subjectId], false)).size === 0) throw new NotFoundException('No personal data is held for this data subject');
    const type = DECISIONS[decision as Decision];
    // The case's free text first: a crash in between leaves it erased or restricted, never the person alone.
    for (const caseSubjectId of await this.keys.cases.casesOf(subjectId)) await this.followedByCase(caseSubjectId, subjectId, type, reason, context);
    const outcome = await this.record(subjectId, type, reason, context);
    const { rebuilt, stillRebuilding } = await this.projections.rebuildPersonalDataReadModels(REBUILD_WAIT_MS);
    if (stillRebuilding.length > 0) void reply.status(202);
    return { ...commandResponse(reply, outcome), readModelsRebuilt: rebuilt, readModelsStillRebuilding: stillRebuilding };
  }

  private async record(subjectId: string, type: DataSubjectCommand['type'], reason: string, context: CommandContext) {
    // Destroyed before the record is written: a crash in between leaves the data erased, and a retry or the next start (InterruptedErasures) writes the record.
    if (type === 'Erase') await this.keys.erase(subjectId);
    const command = { type, subjectId, reason, metadata: { now: context.now } };
    const outcome = await this.pipeline.run({ stream: dataSubjectStream(subjectId), caseId: subjectId, decider: dataSubjectDecider, command, context, createsCase: true });
    if (type !== 'Erase') await this.keys.restrict(subjectId, type === 'Restrict');
    return outcome;
  }

  /**
   * The case's own data subject (its free text) follows the decision about any of its people, recorded like any
   * other subject's; a case already erased or restricted stays so, and stays restricted while another of its people is.
   */
  private async followedByCase(caseSubjectId: string, personId: string, type: DataSubjectCommand['type'], reason: string, context: CommandContext): Promise<void> {
    if (type === 'LiftRestriction' && (await this.keys.cases.anotherRestricted(caseSubjectId, personId))) return;
    // A key to restrict even before the case has free text, so text written while restricted is withheld too.
    if (type === 'Restrict') await this.keys.keysFor([caseSubjectId], true);
    const ids = context.ids.repeatable ? idsDerivedFrom(`${context.ids.eventId(0)}/case/${caseSubjectId}`) : randomIds;
    try {
      await this.record(caseSubjectId, type, `With data subject ${personId} of the case: ${reason}`, { ...context, ids });
    } catch (error) {
      if (!(error instanceof DomainRuleViolation && CASE_ALREADY_THERE.includes(error.rule))) throw error;
    }
  }
}

const CASE_ALREADY_THERE = ['already-erased', 'already-restricted', 'not-restricted'];
