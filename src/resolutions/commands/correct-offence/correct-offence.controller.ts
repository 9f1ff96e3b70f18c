import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import type { CommandResponse } from '../../../http/command-response.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import { SettingsService } from '../../../settings/settings.service.ts';
import { ResolutionCommands } from '../change-resolution/resolution-commands.ts';
import { CorrectOffenceDto } from './correct-offence.dto.ts';

@ApiTags('community-resolutions')
@ApiBearerAuth()
@Controller('community-resolutions')
export class CorrectOffenceController {
  constructor(
    private readonly resolutions: ResolutionCommands,
    private readonly settings: SettingsService,
  ) {}

  @Post(':id/offence/correction')
  @HttpCode(200)
  @Roles('resolution_officer', 'supervisor')
  @ApiOkResponse({ description: 'The offence type corrected, with the reason; the page and the report show the new one and list the correction' })
  @ApiConflictResponse({ description: 'It already is that offence (`correction-changes-nothing`), or one not on the configured list (`offence-not-eligible`)' })
  async correct(
    @Param('id', CaseIdPipe) id: string,
    @Body() { offenceType, reason }: CorrectOffenceDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const settings = await this.settings.current();
    const eligibleOffenceTypes = settings.state.lists.resolutionOffenceTypes.filter((entry) => !entry.retired).map((entry) => entry.id);
    return this.resolutions.run(id, { type: 'CorrectOffence', offenceTypeId: offenceType, eligibleOffenceTypes, reason, metadata: { now: context.now } }, context, reply);
  }
}
