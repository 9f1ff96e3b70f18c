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
import { OutcomeDto, OutcomeNotifiedDto } from './outcome.dto.ts';

@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints')
export class OutcomeController {
  constructor(
    private readonly complaints: ComplaintCommands,
    private readonly settings: SettingsService,
  ) {}

  @Post(':id/outcome')
  @HttpCode(200)
  @Roles(...CRT_ROLES)
  @ApiOkResponse({ description: 'The outcome was decided; the complainant must be told within 5 working days' })
  async decide(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: OutcomeDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const calendar = (await this.settings.current()).calendar;
    const command = { type: 'DecideOutcome' as const, result: body.result, learning: body.learning ?? null, decidedAt: utc(body.decidedAt), calendar, metadata: { now: context.now } };
    return this.complaints.run(id, command, context, reply);
  }

  @Post(':id/outcome-notified')
  @HttpCode(200)
  @Roles(...CRT_ROLES)
  @ApiOkResponse({ description: 'The complainant was told; the review window is 28 days starting the day after' })
  async notified(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: OutcomeNotifiedDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const { calendar } = await this.settings.current();
    return this.complaints.run(id, { type: 'NotifyOutcome', at: utc(body.at), calendar, metadata: { now: context.now } }, context, reply);
  }
}
