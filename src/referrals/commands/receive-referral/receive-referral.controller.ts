import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import { INTAKE_RESPONSE_SCHEMA, intakeResponse, type IntakeResponse } from '../../../people/intake-response.ts';
import { ReceiveReferralCommand } from './receive-referral.command.ts';
import { ReceiveReferralDto } from './receive-referral.dto.ts';

@ApiTags('referrals')
@ApiBearerAuth()
@Controller('referrals')
export class ReceiveReferralController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('case_manager', 'supervisor')
  @ApiCreatedResponse({ description: 'The referral was received; Location names the new case; `possibleMatches` links to the people its data subjects may already be', schema: INTAKE_RESPONSE_SCHEMA })
  async receive(
    @Body() body: ReceiveReferralDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IntakeResponse> {
    const outcome = await this.commands.execute(new ReceiveReferralCommand(body, context));
    return intakeResponse(reply, outcome, `/api/referrals/${outcome.id}`);
  }
}
