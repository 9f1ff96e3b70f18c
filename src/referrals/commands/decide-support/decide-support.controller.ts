import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { effectiveTime } from '../../../http/effective-time.dto.ts';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import type { CommandResponse } from '../../../http/command-response.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import { ReferralCommands } from '../change-referral/referral-commands.ts';
import { AcceptSupportDto, DeclineSupportDto } from './decline-support.dto.ts';

/** The victim's answer to the support offered. */
@ApiTags('referrals')
@ApiBearerAuth()
@Controller('referrals')
export class DecideSupportController {
  constructor(private readonly referrals: ReferralCommands) {}

  @Post(':id/accept-support')
  @HttpCode(200)
  @Roles('case_manager', 'supervisor')
  @ApiOkResponse({ description: 'The victim accepted support' })
  accept(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: AcceptSupportDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.referrals.run(id, { type: 'AcceptSupport', at: effectiveTime(body), metadata: { now: context.now } }, context, reply);
  }

  @Post(':id/decline-support')
  @HttpCode(200)
  @Roles('case_manager', 'supervisor')
  @ApiOkResponse({ description: 'The victim declined support, for a recorded reason' })
  decline(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: DeclineSupportDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.referrals.run(id, { type: 'DeclineSupport', reason: body.reason, at: effectiveTime(body), metadata: { now: context.now } }, context, reply);
  }
}
