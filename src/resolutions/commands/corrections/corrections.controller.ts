import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
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
import { CorrectResolutionPersonDto } from './correct-person.dto.ts';

@ApiTags('community-resolutions')
@ApiBearerAuth()
@Controller('community-resolutions')
@Roles('resolution_officer', 'supervisor')
export class ResolutionCorrectionsController {
  constructor(
    private readonly resolutions: ResolutionCommands,
    private readonly settings: SettingsService,
  ) {}

  @Post(':id/offence/correction')
  @HttpCode(200)
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

  @Post(':id/people/:subjectId/correction')
  @HttpCode(200)
  @ApiOkResponse({ description: "A person's name (the offender, the appropriate adult, a victim), or a victim's contact, corrected with the reason; the page shows the new ones and lists the correction" })
  @ApiConflictResponse({ description: 'Nothing changes (`correction-changes-nothing`), or a contact for someone other than a victim (`contact-not-held`); 404 for a subject id not on this resolution' })
  correctPerson(
    @Param('id', CaseIdPipe) id: string,
    @Param('subjectId', new ParseUUIDPipe()) subjectId: string,
    @Body() { reason, ...corrected }: CorrectResolutionPersonDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.resolutions.run(id, { type: 'CorrectPerson', subjectId, corrected, reason, metadata: { now: context.now } }, context, reply);
  }
}
