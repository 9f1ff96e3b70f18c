import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { effectiveTime } from '../../../http/effective-time.dto.ts';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import type { CommandResponse } from '../../../http/command-response.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import { SettingsService } from '../../../settings/settings.service.ts';
import { ReferralCommands } from '../change-referral/referral-commands.ts';
import { CloseCaseDto, ReopenCaseDto } from './close-case.dto.ts';

@ApiTags('referrals')
@ApiBearerAuth()
@Controller('referrals')
export class CloseCaseController {
  constructor(
    private readonly referrals: ReferralCommands,
    private readonly settings: SettingsService,
  ) {}

  @Post(':id/close')
  @HttpCode(200)
  @Roles('case_manager', 'supervisor')
  @ApiOkResponse({ description: 'The journey was closed for a configured reason' })
  @ApiConflictResponse({ description: '`unable-to-contact` before the configured number of consecutive failed contact attempts (`rule: failed-attempts-required`)' })
  async close(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: CloseCaseDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const failureThreshold = (await this.settings.current()).contactFailureThreshold;
    return this.referrals.run(id, { type: 'CloseCase', reason: body.reason, failureThreshold, at: effectiveTime(body), metadata: { now: context.now } }, context, reply);
  }

  @Post(':id/reopen')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOkResponse({ description: 'A supervisor reopened the closed journey' })
  reopen(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: ReopenCaseDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.referrals.run(id, { type: 'ReopenCase', reason: body.reason, at: effectiveTime(body), metadata: { now: context.now } }, context, reply);
  }
}
