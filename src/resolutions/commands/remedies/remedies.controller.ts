import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { effectiveTime } from '../../../http/effective-time.dto.ts';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import { PartIdPipe } from '../../../http/part-id.pipe.ts';
import type { CommandResponse } from '../../../http/command-response.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import { SettingsService } from '../../../settings/settings.service.ts';
import { ResolutionCommands } from '../change-resolution/resolution-commands.ts';
import { AgreeRemedyDto, CompleteRemedyDto, FailRemedyDto } from './remedies.dto.ts';

/** The Community Remedy: what the offender agreed to do, and whether they did it. */
@ApiTags('community-resolutions')
@ApiBearerAuth()
@Controller('community-resolutions')
export class RemediesController {
  constructor(
    private readonly resolutions: ResolutionCommands,
    private readonly settings: SettingsService,
  ) {}

  @Post(':id/remedies')
  @HttpCode(200)
  @Roles('resolution_officer', 'supervisor')
  @ApiOkResponse({ description: 'The remedy was agreed; `remedyId` in the body names it' })
  async agree(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: AgreeRemedyDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse & { remedyId: string }> {
    const settings = await this.settings.current();
    const remedyId = context.ids.partId();
    const command = {
      type: 'AgreeRemedy' as const,
      remedyId,
      remedyType: body.type,
      chosenByVictim: body.chosenByVictim,
      victimChoice: body.victimChoice ?? null,
      overrideReason: body.overrideReason ?? null,
      details: body.details ?? null,
      dueDate: body.dueDate,
      amount: body.amount ?? null,
      hours: body.hours ?? null,
      measure: settings.remedyMeasure(body.type),
      at: effectiveTime(body),
      metadata: { now: context.now },
    };
    return { ...(await this.resolutions.run(id, command, context, reply)), remedyId };
  }

  @Post(':id/remedies/:remedyId/complete')
  @HttpCode(200)
  @Roles('resolution_officer', 'supervisor')
  @ApiOkResponse({ description: 'The offender did what was agreed, with evidence' })
  @ApiConflictResponse({ description: 'Less than agreed (record a failure instead), or more community work hours than agreed without an excessHoursReason (`rule: excess-hours-reason-required`)' })
  complete(
    @Param('id', CaseIdPipe) id: string,
    @Param('remedyId', new PartIdPipe('remedy')) remedyId: string,
    @Body() body: CompleteRemedyDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const command = {
      type: 'CompleteRemedy' as const,
      remedyId,
      completedAt: body.completedAt ? new Date(body.completedAt).toISOString() : null,
      evidence: body.evidence,
      excessHoursReason: body.excessHoursReason ?? null,
      hoursDone: body.hoursDone ?? null,
      amountPaid: body.amountPaid ?? null,
      metadata: { now: context.now },
    };
    return this.resolutions.run(id, command, context, reply);
  }

  @Post(':id/remedies/:remedyId/fail')
  @HttpCode(200)
  @Roles('resolution_officer', 'supervisor')
  @ApiOkResponse({ description: 'The remedy was not done; agreements are voluntary, so this is recorded, not punished' })
  fail(
    @Param('id', CaseIdPipe) id: string,
    @Param('remedyId', new PartIdPipe('remedy')) remedyId: string,
    @Body() body: FailRemedyDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const command = { type: 'FailRemedy' as const, remedyId, reason: body.reason, hoursDone: body.hoursDone ?? null, amountPaid: body.amountPaid ?? null, at: effectiveTime(body), metadata: { now: context.now } };
    return this.resolutions.run(id, command, context, reply);
  }
}
