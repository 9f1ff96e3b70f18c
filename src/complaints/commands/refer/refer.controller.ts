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
import { ReferDto } from './refer.dto.ts';

@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints')
export class ReferController {
  constructor(private readonly complaints: ComplaintCommands) {}

  @Post(':id/refer')
  @HttpCode(200)
  @Roles(...CRT_ROLES)
  @ApiOkResponse({ description: 'Referred to the PSD or the IOPC; the PSD alone is refused (409) when IOPC referral is mandatory' })
  refer(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: ReferDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.complaints.run(id, { type: 'ReferComplaint', to: body.to, reason: body.reason, at: effectiveTime(body), metadata: { now: context.now } }, context, reply);
  }
}
