import { Body, Controller, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ProjectionsService } from '../../../projections/runner/projections.service.ts';
import { Roles } from '../../auth/roles.ts';
import type { CommandContext } from '../../command-pipeline/command-context.ts';
import { CommandPipeline } from '../../command-pipeline/command-pipeline.ts';
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
 * officer...). History keeps its ciphertext and hashes; the read models fold again the rows holding the subject's data.
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
    const key = (await this.keys.keysFor([subjectId], false)).get(subjectId);
    if (!key) throw new NotFoundException('No personal data is held for this data subject');
    const type = DECISIONS[decision as Decision];
    // Registered outside the database first, so a restore from a backup taken before now can erase them again.
    if (type === 'Erase' && key.state === 'active') await this.register.record({ subjectId, erasedAt: context.now.toISOString(), reason, requestId: context.correlationId });
    // The key changes before the record is written: the read models fold the subject's rows again when they reach
    // the record, reading them as it says. A crash in between leaves the change made, and a retry (or, for an
    // erasure, the next start: InterruptedErasures) writes the record.
    if (type === 'Erase') await this.keys.erase(subjectId);
    else await this.keys.restrict(subjectId, type === 'Restrict');
    const command = { type, subjectId, reason, metadata: { now: context.now } };
    const outcome = await this.pipeline.run({ stream: dataSubjectStream(subjectId), caseId: subjectId, decider: dataSubjectDecider, command, context, createsCase: true });
    const { updated, behind } = await this.projections.waitForPersonalDataReadModels(outcome.position, READ_MODELS_WAIT_MS);
    if (behind.length > 0) void reply.status(202);
    return { ...commandResponse(reply, outcome), readModelsUpdated: updated, readModelsBehind: behind };
  }
}
