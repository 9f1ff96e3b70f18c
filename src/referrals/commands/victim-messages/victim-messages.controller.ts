import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import type { CommandResponse } from '../../../http/command-response.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import { templateFilledIn } from '../../../http/personalisation.ts';
import type { Settings } from '../../../settings/settings.ts';
import { SettingsService } from '../../../settings/settings.service.ts';
import type { SendVictimMessage } from '../../domain/referral.commands.ts';
import { ReferralCommands } from '../change-referral/referral-commands.ts';
import { SendVictimMessageDto } from './victim-messages.dto.ts';

/** A criminal-justice update or a contact, sent to the victim through GOV.UK Notify by the outbox. */
@ApiTags('referrals')
@ApiBearerAuth()
@Controller('referrals')
export class VictimMessagesController {
  constructor(
    private readonly referrals: ReferralCommands,
    private readonly settings: SettingsService,
  ) {}

  @Post(':id/messages')
  @HttpCode(200)
  @Roles('case_manager', 'supervisor')
  @ApiOkResponse({ description: 'The message is queued on the case (`messageId`) and sent in the victim\'s next safe window; 409 names the contact-contract rule it would break' })
  async send(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: SendVictimMessageDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse & { messageId: string }> {
    const command = toSendVictimMessage(body, context, await this.settings.current());
    return { ...(await this.referrals.run(id, command, context, reply)), messageId: command.messageId };
  }
}

function toSendVictimMessage(body: SendVictimMessageDto, context: CommandContext, settings: Settings): SendVictimMessage {
  return {
    type: 'SendVictimMessage',
    messageId: context.ids.partId(),
    kind: body.kind,
    cjEventId: body.cjEventId?.toLowerCase() ?? null,
    channel: body.channel,
    templateId: templateFilledIn(settings.notifyTemplate(body.kind, body.channel), body.personalisation),
    personalisation: body.personalisation,
    metadata: { now: context.now },
  };
}
