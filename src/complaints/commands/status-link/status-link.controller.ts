import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import type { CommandResponse } from '../../../http/command-response.ts';
import { NoDetailsDto } from '../../../http/no-details.dto.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import { giveStatusLink, STATUS_LINK_EXAMPLE, STATUS_LINK_GIVEN_DESCRIPTION, STATUS_LINK_REVOKED_DESCRIPTION, StatusLinkDto, type StatusLinkGivenResponse } from '../../../http/status-link.dto.ts';
import { StatusLinkTokens } from '../../../status-page/status-link-token.ts';
import { CRT_ROLES } from '../../complaint-stream.ts';
import { ComplaintCommands } from '../change-complaint/complaint-commands.ts';

@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints')
export class ComplaintStatusLinkController {
  constructor(
    private readonly complaints: ComplaintCommands,
    private readonly tokens: StatusLinkTokens,
  ) {}

  @Post(':id/status-link')
  @HttpCode(200)
  @Roles(...CRT_ROLES)
  @ApiOkResponse({ description: STATUS_LINK_GIVEN_DESCRIPTION, schema: { example: STATUS_LINK_EXAMPLE } })
  give(@Param('id', CaseIdPipe) id: string, @Body() body: StatusLinkDto, @CommandCtx() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<StatusLinkGivenResponse> {
    return giveStatusLink('complaint', id, body, context, this.tokens, (command) => this.complaints.run(id, command, context, reply));
  }

  @Post(':id/status-link/revoke')
  @HttpCode(200)
  @Roles(...CRT_ROLES)
  @ApiOkResponse({ description: STATUS_LINK_REVOKED_DESCRIPTION })
  revoke(@Param('id', CaseIdPipe) id: string, @Body() _body: NoDetailsDto, @CommandCtx() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<CommandResponse> {
    return this.complaints.run(id, { type: 'RevokeStatusLink', metadata: { now: context.now } }, context, reply);
  }
}
