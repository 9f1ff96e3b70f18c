import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import type { CommandResponse } from '../../../http/command-response.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import { CRT_ROLES } from '../../complaint-stream.ts';
import { ComplaintCommands, utc } from '../change-complaint/complaint-commands.ts';
import { LongRunningReportDto, ProgressUpdateDto } from './progress-updates.dto.ts';

/** Keeping the complainant, and for long-running investigations the PCC, informed. */
@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints')
export class ProgressUpdatesController {
  constructor(private readonly complaints: ComplaintCommands) {}

  @Post(':id/progress-updates')
  @HttpCode(200)
  @Roles(...CRT_ROLES)
  @ApiOkResponse({ description: 'The complainant was updated; the next update falls due 4 weeks later' })
  update(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: ProgressUpdateDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const command = { type: 'UpdateComplainant' as const, at: utc(body.at), channel: body.channel, summary: body.summary, metadata: { now: context.now } };
    return this.complaints.run(id, command, context, reply);
  }

  @Post(':id/long-running-reports')
  @HttpCode(200)
  @Roles(...CRT_ROLES)
  @ApiOkResponse({ description: 'The PCC was told the investigation is still running after 12 months (then every 6 months)' })
  reportLongRunning(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: LongRunningReportDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.complaints.run(id, { type: 'ReportLongRunning', at: utc(body.at), metadata: { now: context.now } }, context, reply);
  }
}
