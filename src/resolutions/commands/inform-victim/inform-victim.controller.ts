import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import type { CommandResponse } from '../../../http/command-response.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import { ResolutionCommands } from '../change-resolution/resolution-commands.ts';
import { InformVictimDto } from './inform-victim.dto.ts';

@ApiTags('community-resolutions')
@ApiBearerAuth()
@Controller('community-resolutions')
export class InformVictimController {
  constructor(private readonly resolutions: ResolutionCommands) {}

  @Post(':id/victim-informed')
  @HttpCode(200)
  @Roles('resolution_officer', 'supervisor')
  @ApiOkResponse({ description: 'A victim was told about the agreement, a completion or a failure' })
  inform(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: InformVictimDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const command = {
      type: 'InformVictim' as const,
      victimId: body.victimId?.toLowerCase() ?? null,
      about: body.about,
      channel: body.channel,
      at: body.at ? new Date(body.at).toISOString() : null,
      metadata: { now: context.now },
    };
    return this.resolutions.run(id, command, context, reply);
  }
}
