import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import type { CommandResponse } from '../../../http/command-response.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import { ReferralCommands } from '../change-referral/referral-commands.ts';
import { RecordRestorativeJusticeStatusDto, RecordVpsStatusDto } from './statements.dto.ts';

/** The Victims' Code rights to make a Victim Personal Statement and to be told about restorative justice. */
@ApiTags('referrals')
@ApiBearerAuth()
@Controller('referrals')
export class StatementsController {
  constructor(private readonly referrals: ReferralCommands) {}

  @Post(':id/personal-statement')
  @HttpCode(200)
  @Roles('case_manager', 'supervisor')
  @ApiOkResponse({ description: 'Victim Personal Statement offered, made or declined' })
  personalStatement(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: RecordVpsStatusDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.referrals.run(id, { type: 'RecordVpsStatus', status: body.status, metadata: { now: context.now } }, context, reply);
  }

  @Post(':id/restorative-justice')
  @HttpCode(200)
  @Roles('case_manager', 'supervisor')
  @ApiOkResponse({ description: 'Restorative justice information given, or interest expressed' })
  restorativeJustice(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: RecordRestorativeJusticeStatusDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.referrals.run(id, { type: 'RecordRestorativeJusticeStatus', status: body.status, metadata: { now: context.now } }, context, reply);
  }
}
