import { Body, Controller, HttpCode, NotFoundException, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import type { CommandResponse } from '../../../http/command-response.ts';
import { effectiveTime } from '../../../http/effective-time.dto.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import type { ChangeConsent } from '../../domain/referral.commands.ts';
import { ReferralCommands } from '../change-referral/referral-commands.ts';
import { ChangeConsentDto } from './consent.dto.ts';

const CHANGES = { withdraw: 'WithdrawConsent', give: 'GiveConsent' } as const satisfies Record<string, ChangeConsent['type']>;

@ApiTags('referrals')
@ApiBearerAuth()
@Controller('referrals')
export class ConsentController {
  constructor(private readonly referrals: ReferralCommands) {}

  @Post(':id/consent/:change')
  @HttpCode(200)
  @Roles('case_manager', 'supervisor')
  @ApiParam({ name: 'change', enum: Object.keys(CHANGES) })
  @ApiOkResponse({
    description:
      'Consent withdrawn: without consent to contact no contact is due or overdue, and contacts and updates are refused (`no-consent-to-contact`); without consent to share, new service referrals are (`no-consent-to-share`). Given (again): contact is due one interval of the contract from then',
  })
  @ApiConflictResponse({ description: 'Withdrawn when not given (`consent-already-withdrawn`), given when already given (`consent-already-given`), dated before receipt or the last change, or in the future' })
  change(
    @Param('id', CaseIdPipe) id: string,
    @Param('change') change: string,
    @Body() body: ChangeConsentDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    if (!Object.hasOwn(CHANGES, change)) throw new NotFoundException(`No such change of consent: ${Object.keys(CHANGES).join(', ')}`);
    const type = CHANGES[change as keyof typeof CHANGES];
    return this.referrals.run(id, { type, consent: body.consent, reason: body.reason, at: effectiveTime(body), metadata: { now: context.now } }, context, reply);
  }
}
