import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import type { CommandResponse } from '../../../http/command-response.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import { complaintStream, CRT_ROLES } from '../../complaint-stream.ts';
import type { ComplaintLogged } from '../../domain/complaint.events.ts';
import { effectiveTime } from '../../../http/effective-time.dto.ts';
import { ComplaintCommands } from '../change-complaint/complaint-commands.ts';
import { EVENT_STORE, type EventStore } from '../../../event-store/event-store.port.ts';
import { ValidationFailed } from '../../../http/problem.ts';
import { DiscontinueRepetitiveDto, WithdrawDto } from './withdraw.dto.ts';

@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints')
export class WithdrawController {
  constructor(
    private readonly complaints: ComplaintCommands,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles(...CRT_ROLES)
  @ApiOkResponse({ description: 'The complaint ends without further handling' })
  withdraw(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: WithdrawDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.complaints.run(id, { type: 'WithdrawComplaint', reason: body.reason, at: effectiveTime(body), metadata: { now: context.now } }, context, reply);
  }

  @Post(':id/discontinue-repetitive')
  @HttpCode(200)
  @Roles(...CRT_ROLES)
  @ApiOkResponse({ description: 'The complaint ends without further handling: it repeats the earlier complaint with no fresh evidence. 409 repetitive-of-itself, repetitive-of-later-complaint, outcome-already-decided' })
  @ApiBadRequestResponse({ description: '`earlierComplaintId` names no logged complaint' })
  async discontinueRepetitive(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: DiscontinueRepetitiveDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    // From its own stream, not the list, so a complaint logged a moment ago counts.
    const [logged] = await this.events.readStream(complaintStream(body.earlierComplaintId), { maxCount: 1 });
    if (logged?.type !== 'ComplaintLogged') throw new ValidationFailed([{ field: 'earlierComplaintId', message: 'earlierComplaintId must be the id of a logged complaint' }]);
    const earlierComplaint = { id: body.earlierComplaintId, receivedAt: (logged.data as unknown as ComplaintLogged['data']).receivedAt };
    const command = { type: 'DiscontinueRepetitive' as const, earlierComplaint, reason: body.reason, at: effectiveTime(body), metadata: { now: context.now } };
    return this.complaints.run(id, command, context, reply);
  }
}
