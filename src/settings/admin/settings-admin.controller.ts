import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { isCalendarDate } from '../../calendar/working-days.ts';
import { Roles } from '../../auth/roles.ts';
import type { CommandContext } from '../../command-pipeline/command-context.ts';
import { CommandPipeline } from '../../command-pipeline/command-pipeline.ts';
import { commandResponse, type CommandResponse } from '../../http/command-response.ts';
import { NoDetailsDto } from '../../http/no-details.dto.ts';
import { ValidationFailed } from '../../http/problem.ts';
import { CommandCtx } from '../../http/request-context.ts';
import { settingsDecider, type SettingsCommand } from '../domain/settings.decide.ts';
import { SETTINGS_STREAM, type ListName } from '../domain/settings.events.ts';
import type { SettingsState } from '../domain/settings.state.ts';
import { SettingsService } from '../settings.service.ts';
import { ListNamePipe } from './list-name.pipe.ts';
import { SaveListEntryDto, SetRetentionPeriodDto, SetThresholdDto } from './settings-admin.dto.ts';

/** Administrators change the configurable lists without a deploy; every change is an event. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/settings')
export class SettingsAdminController {
  constructor(
    private readonly settings: SettingsService,
    private readonly pipeline: CommandPipeline,
  ) {}

  @Get()
  @Roles('admin')
  @ApiOkResponse({ description: 'Every list with its entries (retired ones flagged), the contact failure threshold and the retention periods' })
  async read(): Promise<SettingsState> {
    return (await this.settings.current()).state;
  }

  @Post('lists/:list/entries')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ description: 'The entry was added, or relabelled if its id exists' })
  save(
    @Param('list', ListNamePipe) list: ListName,
    @Body() body: SaveListEntryDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const isCrimeType = list === 'crimeTypes';
    const crimeTypeFields = (['explicitConsentRequired', 'priorityGroup'] as const).filter((field) => (body[field] === undefined) === isCrimeType);
    if (crimeTypeFields.length > 0) {
      const message = isCrimeType ? 'crime types need explicitConsentRequired and priorityGroup' : 'only crime types have explicitConsentRequired and priorityGroup';
      throw new ValidationFailed(crimeTypeFields.map((field) => ({ field, message })));
    }
    if (list === 'bankHolidays' && !isCalendarDate(body.id)) {
      throw new ValidationFailed([{ field: 'id', message: 'a bank holiday\'s id is its date, e.g. 2031-01-01' }]);
    }
    if (list !== 'communityRemedies' && body.measure !== undefined) {
      throw new ValidationFailed([{ field: 'measure', message: 'only Community Remedies have a measure' }]);
    }
    if ((list === 'notifyTemplates') !== (body.templateId !== undefined)) {
      throw new ValidationFailed([{ field: 'templateId', message: 'a Notify template, and only a Notify template, has a templateId' }]);
    }
    if (list !== 'notifyTemplates' && body.placeholders !== undefined) {
      throw new ValidationFailed([{ field: 'placeholders', message: 'only a Notify template has placeholders' }]);
    }
    const { id, label, explicitConsentRequired, priorityGroup, measure, templateId, placeholders = [] } = body;
    const attributes = isCrimeType ? { explicitConsentRequired, priorityGroup } : measure ? { measure } : templateId ? { templateId, placeholders } : {};
    return this.run({ type: 'SaveListEntry', list, entry: { id, label, attributes }, metadata: { now: context.now } }, context, reply);
  }

  @Post('lists/:list/entries/:entryId/retire')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ description: 'The entry can no longer be chosen; history that names it keeps its label' })
  retire(
    @Param('list', ListNamePipe) list: ListName,
    @Param('entryId') id: string,
    @Body() _body: NoDetailsDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.run({ type: 'RetireListEntry', list, id, metadata: { now: context.now } }, context, reply);
  }

  @Post('contact-failure-threshold')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ description: 'The number of consecutive failed contact attempts that flags a case' })
  threshold(@Body() body: SetThresholdDto, @CommandCtx() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<CommandResponse> {
    return this.run({ type: 'SetContactFailureThreshold', value: body.value, metadata: { now: context.now } }, context, reply);
  }

  @Post('retention-periods')
  @HttpCode(200)
  @Roles('admin')
  @ApiOkResponse({ description: 'How long closed cases of a kind (and closure reason) are kept before they are due for disposal' })
  retention(@Body() body: SetRetentionPeriodDto, @CommandCtx() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<CommandResponse> {
    const { caseKind, closureReason, months } = body;
    return this.run({ type: 'SetRetentionPeriod', caseKind, closureReason, months, metadata: { now: context.now } }, context, reply);
  }

  private async run(command: SettingsCommand, context: CommandContext, reply: FastifyReply): Promise<CommandResponse> {
    const outcome = await this.pipeline.run({ stream: SETTINGS_STREAM, caseId: SETTINGS_STREAM, decider: settingsDecider, command, context, createsCase: true });
    return commandResponse(reply, outcome);
  }
}
