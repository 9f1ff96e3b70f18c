import { effectiveTime } from '../../../http/effective-time.dto.ts';
import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import type { CommandResponse } from '../../../http/command-response.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import { ReferralCommands } from '../change-referral/referral-commands.ts';
import { CorrectRestorativeJusticeStatusDto, CorrectVpsStatusDto, RecordRestorativeJusticeStatusDto, RecordVpsStatusDto } from './statements.dto.ts';

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
  @ApiConflictResponse({ description: 'The status would go back (made to offered, say): `rule: correction-required`, use personal-statement/correction' })
  personalStatement(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: RecordVpsStatusDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.referrals.run(id, { type: 'RecordVpsStatus', status: body.status, at: effectiveTime(body), metadata: { now: context.now } }, context, reply);
  }

  @Post(':id/restorative-justice')
  @HttpCode(200)
  @Roles('case_manager', 'supervisor')
  @ApiOkResponse({ description: 'Restorative justice information given, or interest expressed' })
  @ApiConflictResponse({ description: 'The status would go back (interested to information-given): `rule: correction-required`, use restorative-justice/correction' })
  restorativeJustice(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: RecordRestorativeJusticeStatusDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.referrals.run(id, { type: 'RecordRestorativeJusticeStatus', status: body.status, at: effectiveTime(body), metadata: { now: context.now } }, context, reply);
  }

  @Post(':id/personal-statement/correction')
  @HttpCode(200)
  @Roles('case_manager', 'supervisor')
  @ApiOkResponse({ description: 'The Victim Personal Statement status corrected, back or otherwise, with the reason; the page keeps when a statement was made' })
  @ApiConflictResponse({ description: 'No status recorded yet (`nothing-to-correct`), or it already is that status (`status-unchanged`)' })
  correctPersonalStatement(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: CorrectVpsStatusDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.referrals.run(id, { type: 'CorrectVpsStatus', status: body.status, reason: body.reason, metadata: { now: context.now } }, context, reply);
  }

  @Post(':id/restorative-justice/correction')
  @HttpCode(200)
  @Roles('case_manager', 'supervisor')
  @ApiOkResponse({ description: 'The restorative justice status corrected, back or otherwise, with the reason' })
  @ApiConflictResponse({ description: 'No status recorded yet (`nothing-to-correct`), or it already is that status (`status-unchanged`)' })
  correctRestorativeJustice(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: CorrectRestorativeJusticeStatusDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.referrals.run(id, { type: 'CorrectRestorativeJusticeStatus', status: body.status, reason: body.reason, metadata: { now: context.now } }, context, reply);
  }
}
