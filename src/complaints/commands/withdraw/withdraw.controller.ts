import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import type { CommandResponse } from '../../../http/command-response.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import { CRT_ROLES } from '../../complaint-stream.ts';
import { effectiveTime } from '../../../http/effective-time.dto.ts';
import { ComplaintCommands } from '../change-complaint/complaint-commands.ts';
import { WithdrawDto } from './withdraw.dto.ts';

@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints')
export class WithdrawController {
  constructor(private readonly complaints: ComplaintCommands) {}

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
}
