import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import type { CommandResponse } from '../../../http/command-response.ts';
import { DEMOGRAPHICS_RECORDED, DEMOGRAPHICS_UNCHANGED, DemographicsDto, recordDemographics } from '../../../http/demographics.dto.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import { ReferralCommands } from '../change-referral/referral-commands.ts';

/** Equality monitoring: the victim's answers are written here and read back only as report counts. */
@ApiTags('referrals')
@ApiBearerAuth()
@Controller('referrals')
export class ReferralDemographicsController {
  constructor(private readonly referrals: ReferralCommands) {}

  @Post(':id/demographics')
  @HttpCode(200)
  @Roles('case_manager', 'supervisor')
  @ApiOkResponse({ description: `The victim's answers and age band at the offence ${DEMOGRAPHICS_RECORDED}` })
  @ApiConflictResponse({ description: DEMOGRAPHICS_UNCHANGED })
  record(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: DemographicsDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.referrals.run(id, recordDemographics(body, context), context, reply);
  }
}
