import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import type { CommandResponse } from '../../../http/command-response.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import type { RecordSupervisorDecision } from '../../domain/resolution.decide.ts';
import { ResolutionCommands } from '../change-resolution/resolution-commands.ts';
import { SupervisorDecisionDto } from './supervisor-decision.dto.ts';

@ApiTags('community-resolutions')
@ApiBearerAuth()
@Controller('community-resolutions')
export class SupervisorDecisionController {
  constructor(private readonly resolutions: ResolutionCommands) {}

  /** A supervisor's own act: only their token may take it, and it names them and the time. */
  @Post(':id/supervisor-decision')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOkResponse({
    description:
      "A supervisor decides whether a resolution with a victim not consulted or not consenting goes ahead (recorded with the supervisor's user id and the time); until then no remedy can be agreed (409 supervisor-decision-required). 409 supervisor-decision-not-needed, supervisor-already-decided",
  })
  decide(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: SupervisorDecisionDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.resolutions.run(id, toRecordSupervisorDecision(body, context), context, reply);
  }
}

function toRecordSupervisorDecision(body: SupervisorDecisionDto, context: CommandContext): RecordSupervisorDecision {
  return { type: 'RecordSupervisorDecision', proceed: body.proceed, reason: body.reason, supervisor: context.actor.sub, metadata: { now: context.now } };
}
