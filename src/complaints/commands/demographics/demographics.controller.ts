import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import type { CommandResponse } from '../../../http/command-response.ts';
import { complainantDemographics, ComplainantDemographicsDto, DEMOGRAPHICS_RECORDED, DEMOGRAPHICS_UNCHANGED, recordDemographics } from '../../../http/demographics.dto.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import { CRT_ROLES } from '../../complaint-stream.ts';
import { ComplaintCommands } from '../change-complaint/complaint-commands.ts';

/** Equality monitoring: the complainant's answers are written here and read back only as report counts. */
@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints')
export class ComplainantDemographicsController {
  constructor(private readonly complaints: ComplaintCommands) {}

  @Post(':id/demographics')
  @HttpCode(200)
  @Roles(...CRT_ROLES)
  @ApiOkResponse({ description: `The complainant's answers and age band on the incident date (from the date of birth given, which is not kept) ${DEMOGRAPHICS_RECORDED}; 409 born-after-incident` })
  @ApiConflictResponse({ description: DEMOGRAPHICS_UNCHANGED })
  record(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: ComplainantDemographicsDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.complaints.run(id, { ...recordDemographics(body, context), ...complainantDemographics(body) }, context, reply);
  }
}
