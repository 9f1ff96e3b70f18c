import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import type { CommandResponse } from '../../../http/command-response.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import { ReferralCommands } from '../change-referral/referral-commands.ts';
import { AssignCaseManagerDto } from './assign-case-manager.dto.ts';

@ApiTags('referrals')
@ApiBearerAuth()
@Controller('referrals')
export class AssignCaseManagerController {
  constructor(private readonly referrals: ReferralCommands) {}

  @Post(':id/assign')
  @HttpCode(200)
  @Roles('case_manager', 'supervisor')
  @ApiOkResponse({ description: 'The case manager was assigned' })
  assign(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: AssignCaseManagerDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.referrals.run(id, { type: 'AssignCaseManager', caseManager: body.caseManager, metadata: { now: context.now } }, context, reply);
  }
}
