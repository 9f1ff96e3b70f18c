import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import { PartIdPipe } from '../../../http/part-id.pipe.ts';
import type { CommandResponse } from '../../../http/command-response.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import { SettingsService } from '../../../settings/settings.service.ts';
import { ReferralCommands } from '../change-referral/referral-commands.ts';
import { LearnCriminalJusticeEventDto, RecordVictimUpdateDto } from './criminal-justice.dto.ts';

/** Developments in the victim's case (arrest, charge, court dates...) and telling the victim in time. */
@ApiTags('referrals')
@ApiBearerAuth()
@Controller('referrals')
export class CriminalJusticeController {
  constructor(
    private readonly referrals: ReferralCommands,
    private readonly settings: SettingsService,
  ) {}

  @Post(':id/cj-events')
  @HttpCode(200)
  @Roles('case_manager', 'supervisor')
  @ApiOkResponse({ description: 'The event was recorded with the date the victim must hear of it by; `cjEventId` names it' })
  async learn(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: LearnCriminalJusticeEventDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse & { cjEventId: string }> {
    const cjEventId = context.ids.partId();
    const { calendar, crimeTypes } = await this.settings.current();
    const learnedAt = new Date(body.learnedAt).toISOString();
    const command = { type: 'LearnCriminalJusticeEvent' as const, cjEventId, kind: body.kind, learnedAt, calendar, crimeTypes, metadata: { now: context.now } };
    return { ...(await this.referrals.run(id, command, context, reply)), cjEventId };
  }

  @Post(':id/cj-events/:cjEventId/communicated')
  @HttpCode(200)
  @Roles('case_manager', 'supervisor')
  @ApiOkResponse({ description: 'The victim was told; whether it was in time is recorded' })
  async communicated(
    @Param('id', CaseIdPipe) id: string,
    @Param('cjEventId', new PartIdPipe('criminal-justice event')) cjEventId: string,
    @Body() body: RecordVictimUpdateDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const { calendar } = await this.settings.current();
    const command = { type: 'RecordVictimUpdate' as const, cjEventId, at: new Date(body.at).toISOString(), channel: body.channel, calendar, metadata: { now: context.now } };
    return this.referrals.run(id, command, context, reply);
  }
}
