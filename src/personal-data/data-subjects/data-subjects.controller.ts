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
import { ErasureRegister } from '../erasure-register/erasure-register.ts';
import { SubjectKeys } from '../subject-keys.ts';
import { dataSubjectDecider, type DataSubjectCommand } from './data-subject.decide.ts';
import { dataSubjectStream } from './data-subject.events.ts';
import { DataSubjectDecisionDto } from './data-subjects.dto.ts';

/** How long a decision waits for the read models to follow it before answering 202 (they follow within the usual projection lag). */
const READ_MODELS_WAIT_MS = 10_000;

const DECISIONS = { erase: 'Erase', restrict: 'Restrict', 'lift-restriction': 'LiftRestriction' } as const satisfies Record<string, DataSubjectCommand['type']>;
type Decision = keyof typeof DECISIONS;

type Outcome = CommandResponse & { readModelsUpdated: string[]; readModelsBehind: string[] };

/**
 * Erasure by crypto-shredding, and restriction, of one data subject (a victim, complainant, offender,
 * officer...) and with them of their cases' free text. History keeps its ciphertext and hashes; the read models
 * fold again the rows holding the subject's data.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/data-subjects')
export class DataSubjectsController {
  constructor(
    private readonly keys: SubjectKeys,
    private readonly pipeline: CommandPipeline,
    private readonly projections: ProjectionsService,
    private readonly register: ErasureRegister,
  ) {}

  @Post(':subjectId/:decision')
  @HttpCode(200)
  @Roles('admin')
  @ApiParam({
    name: 'decision',
    enum: Object.keys(DECISIONS),
    description: '`erase` destroys the key; `restrict` keeps the data but shows it to auditors only; `lift-restriction` ends that',
  })
  @ApiOkResponse({ description: 'Recorded, and every read model that copies personal data has followed it (202 while one is still behind: `readModelsBehind`)' })
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
    const { updated, behind } = await this.projections.waitForPersonalDataReadModels(outcome.position, READ_MODELS_WAIT_MS);
    if (behind.length > 0) void reply.status(202);
    return { ...commandResponse(reply, outcome), readModelsUpdated: updated, readModelsBehind: behind };
  }

  private async record(subjectId: string, type: DataSubjectCommand['type'], reason: string, context: CommandContext) {
    const key = (await this.keys.keysFor([subjectId], false)).get(subjectId);
    // Registered outside the database first, so a restore from a backup taken before now can erase them again.
    if (type === 'Erase' && key?.state !== 'erased') await this.register.record({ subjectId, erasedAt: context.now.toISOString(), reason, requestId: context.correlationId });
    // The key changes before the record is written: the read models fold the subject's rows again when they reach
    // the record, reading them as it says. A crash in between leaves the change made, and a retry (or, for an
    // erasure, the next start: InterruptedErasures) writes the record.
    if (type === 'Erase') await this.keys.erase(subjectId);
    else await this.keys.restrict(subjectId, type === 'Restrict');
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
    const ids = context.ids.repeatable ? idsDerivedFrom(`${context.ids.eventId(0)}/case/${caseSubjectId}`) : randomIds;
    try {
      await this.record(caseSubjectId, type, `With data subject ${personId} of the case: ${reason}`, { ...context, ids });
    } catch (error) {
      if (!(error instanceof DomainRuleViolation && CASE_ALREADY_THERE.includes(error.rule))) throw error;
    }
  }
}

const CASE_ALREADY_THERE = ['already-erased', 'already-restricted', 'not-restricted'];
