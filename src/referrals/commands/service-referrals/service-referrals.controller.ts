import { effectiveTime } from '../../../http/effective-time.dto.ts';
import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import { PartIdPipe } from '../../../http/part-id.pipe.ts';
import type { CommandResponse } from '../../../http/command-response.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import { ReferralCommands } from '../change-referral/referral-commands.ts';
import { MakeServiceReferralDto, RecordServiceReferralOutcomeDto } from './service-referrals.dto.ts';

/** Onward referrals to commissioned services, and what became of them. */
@ApiTags('referrals')
@ApiBearerAuth()
@Controller('referrals')
export class ServiceReferralsController {
  constructor(private readonly referrals: ReferralCommands) {}

  @Post(':id/service-referrals')
  @HttpCode(200)
  @Roles('case_manager', 'supervisor')
  @ApiOkResponse({ description: 'The victim was referred to a service; `serviceReferralId` in the body names it' })
  async make(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: MakeServiceReferralDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse & { serviceReferralId: string }> {
    const serviceReferralId = context.ids.partId();
    const command = { type: 'MakeServiceReferral' as const, serviceReferralId, service: body.service, at: effectiveTime(body), metadata: { now: context.now } };
    return { ...(await this.referrals.run(id, command, context, reply)), serviceReferralId };
  }

  @Post(':id/service-referrals/:serviceReferralId/outcome')
  @HttpCode(200)
  @Roles('case_manager', 'supervisor')
  @ApiOkResponse({ description: 'The service accepted or declined the referral, or completed it' })
  outcome(
    @Param('id', CaseIdPipe) id: string,
    @Param('serviceReferralId', new PartIdPipe('service referral')) serviceReferralId: string,
    @Body() body: RecordServiceReferralOutcomeDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const command = { type: 'RecordServiceReferralOutcome' as const, serviceReferralId, outcome: body.outcome, at: effectiveTime(body), metadata: { now: context.now } };
    return this.referrals.run(id, command, context, reply);
  }
}
