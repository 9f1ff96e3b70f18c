import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import { addCaseNote, CaseNoteDto, NOTE_ADDED_DESCRIPTION } from '../../../http/case-note.dto.ts';
import type { CommandResponse } from '../../../http/command-response.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import { CRT_ROLES } from '../../complaint-stream.ts';
import { ComplaintCommands } from '../change-complaint/complaint-commands.ts';

@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints')
export class ComplaintNotesController {
  constructor(private readonly complaints: ComplaintCommands) {}

  @Post(':id/notes')
  @HttpCode(200)
  @Roles(...CRT_ROLES)
  @ApiOkResponse({ description: NOTE_ADDED_DESCRIPTION })
  add(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: CaseNoteDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse & { noteId: string }> {
    return addCaseNote(body, context, (command) => this.complaints.run(id, command, context, reply));
  }
}
