import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import type { CommandResponse } from '../../../http/command-response.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import { CRT_ROLES } from '../../complaint-stream.ts';
import { effectiveTime } from '../../../http/effective-time.dto.ts';
import { ComplaintCommands } from '../change-complaint/complaint-commands.ts';
import { toNewAllegations } from './allegation.dto.ts';
import { HandleOutsideSchedule3Dto, RecordDto, ResolveDto } from './triage.dto.ts';

/** Triage under Schedule 3: informal handling and its resolution, or recording. */
@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints')
export class TriageController {
  constructor(private readonly complaints: ComplaintCommands) {}

  @Post(':id/handle-outside-schedule-3')
  @HttpCode(200)
  @Roles(...CRT_ROLES)
  @ApiOkResponse({ description: 'Handling outside Schedule 3 started; 409 naming the criterion when the complaint must be recorded' })
  handleOutside(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: HandleOutsideSchedule3Dto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const allegations = toNewAllegations(body.allegations, (index) => context.ids.subjectId(index));
    return this.complaints.run(id, { type: 'HandleOutsideSchedule3', allegations, at: effectiveTime(body), metadata: { now: context.now } }, context, reply);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @Roles(...CRT_ROLES)
  @ApiOkResponse({ description: 'Resolved outside Schedule 3, with whether the complainant was satisfied' })
  resolve(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: ResolveDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const command = { type: 'ResolveOutsideSchedule3' as const, summary: body.summary, complainantSatisfied: body.complainantSatisfied, at: effectiveTime(body), metadata: { now: context.now } };
    return this.complaints.run(id, command, context, reply);
  }

  @Post(':id/record')
  @HttpCode(200)
  @Roles(...CRT_ROLES)
  @ApiOkResponse({ description: 'Recorded under Schedule 3 with its allegations; progress updates fall due every 4 weeks' })
  async record(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: RecordDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const allegations = toNewAllegations(body.allegations ?? [], (index) => context.ids.subjectId(index));
    return this.complaints.run(id, { type: 'RecordComplaint', reason: body.reason, allegations, at: effectiveTime(body), metadata: { now: context.now } }, context, reply);
  }
}
