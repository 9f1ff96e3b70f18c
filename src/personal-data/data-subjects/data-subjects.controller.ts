import { Body, Controller, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ProjectionsService } from '../../../projections/runner/projections.service.ts';
import { Roles } from '../../auth/roles.ts';
import type { CommandContext } from '../../command-pipeline/command-context.ts';
import { CommandPipeline } from '../../command-pipeline/command-pipeline.ts';
import { commandResponse, type CommandResponse } from '../../http/command-response.ts';
import { CommandCtx } from '../../http/request-context.ts';
import { SubjectKeys } from '../subject-keys.ts';
import { dataSubjectDecider, type DataSubjectCommand } from './data-subject.decide.ts';
import { dataSubjectStream } from './data-subject.events.ts';
import { DataSubjectDecisionDto } from './data-subjects.dto.ts';

/** How long an erasure waits for the read models to be rebuilt before answering 202. */
const REBUILD_WAIT_MS = 30_000;

type Outcome = CommandResponse & { readModelsRebuilt: string[]; readModelsStillRebuilding: string[] };

/**
 * Erasure by crypto-shredding, and restriction, of one data subject (a victim, complainant, offender,
 * officer...). History keeps its ciphertext and hashes; the read models are rebuilt without the data.
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

  @Post(':subjectId/erase')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ description: 'The key is destroyed and the read models rebuilt (202 if the rebuild is still running)' })
  async erase(
    @Param('subjectId', new ParseUUIDPipe()) subjectId: string,
    @Body() { reason }: DataSubjectDecisionDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Outcome> {
    await this.requireKnown(subjectId);
    // Destroyed before the record is written: a crash in between leaves the data erased, and a retry writes the record.
    await this.keys.erase(subjectId);
    return this.decide({ type: 'Erase', subjectId, reason, metadata: { now: context.now } }, context, reply);
  }

  @Post(':subjectId/restrict')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ description: 'The data is kept but shown only to auditors; the read models are rebuilt without it' })
  async restrict(
    @Param('subjectId', new ParseUUIDPipe()) subjectId: string,
    @Body() { reason }: DataSubjectDecisionDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Outcome> {
    await this.requireKnown(subjectId);
    return this.decide({ type: 'Restrict', subjectId, reason, metadata: { now: context.now } }, context, reply, () => this.keys.restrict(subjectId, true));
  }

  @Post(':subjectId/lift-restriction')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ description: 'The data is shown again where it was before the restriction' })
  async lift(
    @Param('subjectId', new ParseUUIDPipe()) subjectId: string,
    @Body() { reason }: DataSubjectDecisionDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Outcome> {
    await this.requireKnown(subjectId);
    return this.decide({ type: 'LiftRestriction', subjectId, reason, metadata: { now: context.now } }, context, reply, () => this.keys.restrict(subjectId, false));
  }

  private async requireKnown(subjectId: string): Promise<void> {
    if ((await this.keys.keysFor([subjectId], false)).size === 0) throw new NotFoundException('No personal data is held for this data subject');
  }

  private async decide(command: DataSubjectCommand, context: CommandContext, reply: FastifyReply, apply?: () => Promise<unknown>): Promise<Outcome> {
    const stream = dataSubjectStream(command.subjectId);
    const outcome = await this.pipeline.run({ stream, caseId: command.subjectId, decider: dataSubjectDecider, command, context, createsCase: true });
    await apply?.();
    const { rebuilt, stillRebuilding } = await this.projections.rebuildPersonalDataReadModels(REBUILD_WAIT_MS);
    if (stillRebuilding.length > 0) void reply.status(202);
    return { ...commandResponse(reply, outcome), readModelsRebuilt: rebuilt, readModelsStillRebuilding: stillRebuilding };
  }
}
