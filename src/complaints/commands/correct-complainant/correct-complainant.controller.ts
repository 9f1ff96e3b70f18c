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

@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints')
export class CorrectComplainantController {
  constructor(private readonly complaints: ComplaintCommands) {}

  @Post(':id/complainant/correction')
  @HttpCode(200)
  @Roles(...CRT_ROLES)
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
}
