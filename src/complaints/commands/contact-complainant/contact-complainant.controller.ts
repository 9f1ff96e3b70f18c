import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import type { CommandResponse } from '../../../http/command-response.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import { SettingsService } from '../../../settings/settings.service.ts';
import { CRT_ROLES } from '../../complaint-stream.ts';
import { ComplaintCommands, utc } from '../change-complaint/complaint-commands.ts';
import { ContactComplainantDto } from './contact-complainant.dto.ts';

@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints')
export class ContactComplainantController {
  constructor(
    private readonly complaints: ComplaintCommands,
    private readonly settings: SettingsService,
  ) {}

  @Post(':id/contact-complainant')
  @HttpCode(200)
  @Roles(...CRT_ROLES)
  @ApiOkResponse({ description: "The complainant was contacted for their views; the working days since receipt are recorded" })
  async contact(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: ContactComplainantDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const calendar = (await this.settings.current()).calendar;
    const command = { type: 'ContactComplainant' as const, at: utc(body.at), channel: body.channel, views: body.views, calendar, metadata: { now: context.now } };
    return this.complaints.run(id, command, context, reply);
  }
}
