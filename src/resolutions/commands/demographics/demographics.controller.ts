import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import type { CommandResponse } from '../../../http/command-response.ts';
import { DEMOGRAPHICS_RECORDED, DEMOGRAPHICS_UNCHANGED, DemographicsDto, recordDemographics } from '../../../http/demographics.dto.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import { ResolutionCommands } from '../change-resolution/resolution-commands.ts';

/** Equality monitoring of who receives a Community Resolution: the offender's answers, read back only as report counts. */
@ApiTags('community-resolutions')
@ApiBearerAuth()
@Controller('community-resolutions')
export class OffenderDemographicsController {
  constructor(private readonly resolutions: ResolutionCommands) {}

  @Post(':id/demographics')
  @HttpCode(200)
  @Roles('resolution_officer', 'supervisor')
  @ApiOkResponse({ description: `The offender's answers and age band at the offence ${DEMOGRAPHICS_RECORDED}` })
  @ApiConflictResponse({ description: DEMOGRAPHICS_UNCHANGED })
  record(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: DemographicsDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.resolutions.run(id, recordDemographics(body, context), context, reply);
  }
}
