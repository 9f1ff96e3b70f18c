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
import { CRT_ROLES } from '../../complaint-stream.ts';
import type { SendComplainantUpdate } from '../../domain/complaint.commands.ts';
import { ComplaintCommands } from '../change-complaint/complaint-commands.ts';
import { SendComplainantUpdateDto } from './complainant-messages.dto.ts';

/** A progress update sent to the complainant through GOV.UK Notify by the outbox. */
@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints')
export class ComplainantMessagesController {
  constructor(
    private readonly complaints: ComplaintCommands,
    private readonly settings: SettingsService,
  ) {}

  @Post(':id/messages')
  @HttpCode(200)
  @Roles(...CRT_ROLES)
  @ApiOkResponse({ description: 'The update is queued on the complaint (`messageId`) and counts as given once Notify reports it delivered' })
  async send(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: SendComplainantUpdateDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse & { messageId: string }> {
    const command = toSendComplainantUpdate(body, context, await this.settings.current());
    return { ...(await this.complaints.run(id, command, context, reply)), messageId: command.messageId };
  }
}

function toSendComplainantUpdate(body: SendComplainantUpdateDto, context: CommandContext, settings: Settings): SendComplainantUpdate {
  return {
    type: 'SendComplainantUpdate',
    messageId: context.ids.partId(),
    channel: body.channel,
    templateId: templateFilledIn(settings.notifyTemplate('progress-update', body.channel), body.personalisation),
    summary: body.summary,
    personalisation: body.personalisation,
    metadata: { now: context.now },
  };
}
