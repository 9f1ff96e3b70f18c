import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { effectiveTime } from '../../../http/effective-time.dto.ts';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import type { CommandResponse } from '../../../http/command-response.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import { ResolutionCommands } from '../change-resolution/resolution-commands.ts';
import { CloseResolutionDto } from './close-resolution.dto.ts';

@ApiTags('community-resolutions')
@ApiBearerAuth()
@Controller('community-resolutions')
export class CloseResolutionController {
  constructor(private readonly resolutions: ResolutionCommands) {}

  @Post(':id/close')
  @HttpCode(200)
  @Roles('resolution_officer', 'supervisor')
  @ApiOkResponse({ description: 'Closed as complied (every remedy completed) or not complied; refused while a remedy is open or a victim has not been told the outcome' })
  close(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: CloseResolutionDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.resolutions.run(id, { type: 'CloseResolution', at: effectiveTime(body), metadata: { now: context.now } }, context, reply);
  }
}
