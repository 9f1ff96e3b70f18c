import { effectiveTime } from '../../../http/effective-time.dto.ts';
import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import type { CommandResponse } from '../../../http/command-response.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import { SettingsService } from '../../../settings/settings.service.ts';
import { ReferralCommands } from '../change-referral/referral-commands.ts';
import { AgreeContactContractDto, RecordContactDto } from './contacts.dto.ts';

/** How and how often the victim is kept informed, and each contact or failed attempt. */
@ApiTags('referrals')
@ApiBearerAuth()
@Controller('referrals')
export class ContactsController {
  constructor(
    private readonly referrals: ReferralCommands,
    private readonly settings: SettingsService,
  ) {}

  @Post(':id/contact-contract')
  @HttpCode(200)
  @Roles('case_manager', 'supervisor')
  @ApiOkResponse({ description: 'The contact contract was agreed (or renegotiated); the next contact falls due from it' })
  agree(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: AgreeContactContractDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const command = { type: 'AgreeContactContract' as const, frequency: body.frequency, channel: body.channel, safeTimes: body.safeTimes ?? null, at: effectiveTime(body), metadata: { now: context.now } };
    return this.referrals.run(id, command, context, reply);
  }

  @Post(':id/contacts')
  @HttpCode(200)
  @Roles('case_manager', 'supervisor')
  @ApiOkResponse({ description: 'A contact made, or an attempt that failed' })
  async record(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: RecordContactDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const command = {
      type: 'RecordContact' as const,
      outcome: body.outcome,
      channel: body.channel,
      at: new Date(body.at).toISOString(),
      note: body.note ?? null,
      failureThreshold: (await this.settings.current()).contactFailureThreshold,
      metadata: { now: context.now },
    };
    return this.referrals.run(id, command, context, reply);
  }
}
