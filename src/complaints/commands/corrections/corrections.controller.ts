import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import type { CommandResponse } from '../../../http/command-response.ts';
import { ContactDetailsCorrectionDto } from '../../../http/correction.dto.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import { CRT_ROLES } from '../../complaint-stream.ts';
import { ComplaintCommands } from '../change-complaint/complaint-commands.ts';
import { CorrectAllegationCategoryDto, CorrectAllegationSubjectDto } from './correct-allegation.dto.ts';

@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints')
@Roles(...CRT_ROLES)
export class ComplaintCorrectionsController {
  constructor(private readonly complaints: ComplaintCommands) {}

  @Post(':id/complainant/correction')
  @HttpCode(200)
  @ApiOkResponse({ description: "The complainant's name or contact details corrected; the page shows the new ones and lists the correction with its reason; the history keeps the old ones, sealed" })
  @ApiConflictResponse({ description: 'Every detail given already has that value (`correction-changes-nothing`)' })
  correct(
    @Param('id', CaseIdPipe) id: string,
    @Body() { reason, ...corrected }: ContactDetailsCorrectionDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.complaints.run(id, { type: 'CorrectComplainantDetails', corrected, reason, metadata: { now: context.now } }, context, reply);
  }

  @Post(':id/allegations/:allegationId/correction')
  @HttpCode(200)
  @ApiOkResponse({ description: "An allegation's IOPC category corrected with the reason; the page, the list's categories and the report follow, and the page lists the correction" })
  @ApiConflictResponse({ description: 'It already has that category (`correction-changes-nothing`); 404 for an allegation not on this complaint' })
  correctAllegation(
    @Param('id', CaseIdPipe) id: string,
    @Param('allegationId') allegationId: string,
    @Body() { category, reason }: CorrectAllegationCategoryDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.complaints.run(id, { type: 'CorrectAllegationCategory', allegationId, category, reason, metadata: { now: context.now } }, context, reply);
  }

  @Post(':id/allegations/:allegationId/subject/correction')
  @HttpCode(200)
  @ApiOkResponse({ description: "Who an allegation is about corrected (kind, identifier) with the reason; the page shows the new subject and lists the correction; the history keeps the old identifier, sealed" })
  @ApiConflictResponse({ description: 'Every detail given already has that value (`correction-changes-nothing`); 404 for an allegation not on this complaint' })
  correctAllegationSubject(
    @Param('id', CaseIdPipe) id: string,
    @Param('allegationId') allegationId: string,
    @Body() { reason, ...corrected }: CorrectAllegationSubjectDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.complaints.run(id, { type: 'CorrectAllegationSubject', allegationId, corrected, reason, metadata: { now: context.now } }, context, reply);
  }
}
