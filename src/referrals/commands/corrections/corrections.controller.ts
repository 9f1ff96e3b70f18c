import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import type { CommandResponse } from '../../../http/command-response.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import { SettingsService } from '../../../settings/settings.service.ts';
import { ReferralCommands } from '../change-referral/referral-commands.ts';
import { CorrectCrimeDetailsDto, CorrectVictimDetailsDto } from './corrections.dto.ts';

/** Wrong details put right as new events with who, when and why: the history keeps what was recorded before. */
@ApiTags('referrals')
@ApiBearerAuth()
@Controller('referrals')
@Roles('case_manager', 'supervisor')
export class CorrectionsController {
  constructor(
    private readonly referrals: ReferralCommands,
    private readonly settings: SettingsService,
  ) {}

  @Post(':id/victim/correction')
  @HttpCode(200)
  @ApiOkResponse({ description: "The victim's name or contact details corrected; the page shows the new ones and lists the correction with its reason" })
  @ApiConflictResponse({ description: 'Every detail given already has that value (`correction-changes-nothing`), or a date of birth after the offence (`born-after-offence`)' })
  correctVictim(
    @Param('id', CaseIdPipe) id: string,
    @Body() { reason, ...corrected }: CorrectVictimDetailsDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    return this.referrals.run(id, { type: 'CorrectVictimDetails', corrected, reason, metadata: { now: context.now } }, context, reply);
  }

  @Post(':id/crime/correction')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The crime type or crime reference corrected: until the assessment, the proposed priority groups and the update clocks follow the new crime type' })
  @ApiConflictResponse({ description: 'Every detail given already has that value (`correction-changes-nothing`)' })
  async correctCrime(
    @Param('id', CaseIdPipe) id: string,
    @Body() { reason, crimeType, crimeReference }: CorrectCrimeDetailsDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    const configured = crimeType === undefined ? undefined : (await this.settings.current()).crimeType(crimeType);
    return this.referrals.run(id, { type: 'CorrectCrimeDetails', crimeType: configured, crimeReference, reason, metadata: { now: context.now } }, context, reply);
  }
}
