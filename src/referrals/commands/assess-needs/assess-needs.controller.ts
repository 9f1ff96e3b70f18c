import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { effectiveTime } from '../../../http/effective-time.dto.ts';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import type { CommandResponse } from '../../../http/command-response.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import { SettingsService } from '../../../settings/settings.service.ts';
import { ReferralCommands } from '../change-referral/referral-commands.ts';
import { AssessNeedsDto } from './assess-needs.dto.ts';

@ApiTags('referrals')
@ApiBearerAuth()
@Controller('referrals')
export class AssessNeedsController {
  constructor(
    private readonly referrals: ReferralCommands,
    private readonly settings: SettingsService,
  ) {}

  @Post(':id/assess')
  @HttpCode(200)
  @Roles('case_manager', 'supervisor')
  @ApiOkResponse({ description: 'Needs assessed; priority groups confirmed, or overridden with a reason; sets enhanced' })
  async assess(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: AssessNeedsDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const settings = await this.settings.current();
    return this.referrals.run(
      id,
      {
        type: 'AssessNeeds',
        needs: body.needs,
        riskLevel: body.riskLevel,
        priorityGroups: body.priorityGroups,
        overrideReason: body.overrideReason ?? null,
        crimeTypes: settings.crimeTypes,
        at: effectiveTime(body),
        metadata: { now: context.now },
      },
      context,
      reply,
    );
  }
}
