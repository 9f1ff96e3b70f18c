import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import { INTAKE_RESPONSE_SCHEMA, intakeResponse, type IntakeResponse } from '../../../people/intake-response.ts';
import { ProposeResolutionCommand } from './propose-resolution.command.ts';
import { ProposeResolutionDto } from './propose-resolution.dto.ts';

@ApiTags('community-resolutions')
@ApiBearerAuth()
@Controller('community-resolutions')
export class ProposeResolutionController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('resolution_officer', 'supervisor')
  @ApiCreatedResponse({ description: 'The Community Resolution was proposed with its preconditions met; Location names it; `possibleMatches` links to the people its data subjects may already be', schema: INTAKE_RESPONSE_SCHEMA })
  @ApiConflictResponse({
    description:
      'Preconditions failed; `rule` names the first and `rules` every one: offence-not-eligible, intimate-partner-domestic-abuse, insufficient-evidence, no-admission, no-agreement, appropriate-adult-required, supervisor-decision-required, offence-date-in-future, born-after-offence, below-age-of-criminal-responsibility, proposed-in-future, proposed-before-offence (an optional `at`)',
  })
  async propose(
    @Body() body: ProposeResolutionDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IntakeResponse> {
    const outcome = await this.commands.execute(new ProposeResolutionCommand(body, context));
    return intakeResponse(reply, outcome, `/api/community-resolutions/${outcome.id}`);
  }
}
