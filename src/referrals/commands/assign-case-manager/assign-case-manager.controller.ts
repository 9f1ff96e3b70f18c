import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import { commandResponse, type CommandResponse } from '../../../http/command-response.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import { AssignCaseManagerCommand } from './assign-case-manager.command.ts';
import { AssignCaseManagerDto } from './assign-case-manager.dto.ts';

@ApiTags('referrals')
@ApiBearerAuth()
@Controller('referrals')
export class AssignCaseManagerController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/assign')
  @HttpCode(200)
  @Roles('case_manager', 'supervisor')
  @ApiOkResponse({ description: 'The case manager was assigned' })
  async assign(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: AssignCaseManagerDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return commandResponse(reply, await this.commands.execute(new AssignCaseManagerCommand(id, body, context)));
  }
}
