import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import { INTAKE_RESPONSE_SCHEMA, intakeResponse, type IntakeResponse } from '../../../people/intake-response.ts';
import { CRT_ROLES } from '../../complaint-stream.ts';
import { LogComplaintCommand } from './log-complaint.command.ts';
import { LogComplaintDto } from './log-complaint.dto.ts';

@ApiTags('complaints')
@ApiBearerAuth()
@Controller('complaints')
export class LogComplaintController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles(...CRT_ROLES)
  @ApiCreatedResponse({ description: 'The complaint was logged; Location names the new case; first contact is due 2 working days on; `possibleMatches` links to the people its data subjects may already be', schema: INTAKE_RESPONSE_SCHEMA })
  async log(@Body() body: LogComplaintDto, @CommandCtx() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<IntakeResponse> {
    const outcome = await this.commands.execute(new LogComplaintCommand(body, context));
    return intakeResponse(reply, outcome, `/api/complaints/${outcome.id}`);
  }
}
