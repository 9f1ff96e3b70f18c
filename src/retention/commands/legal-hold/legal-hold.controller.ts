import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import { commandResponse, type CommandResponse } from '../../../http/command-response.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import { ChangeLegalHoldCommand, type LegalHoldChange } from './change-legal-hold.command.ts';
import { LiftLegalHoldDto, PlaceLegalHoldDto } from './legal-hold.dto.ts';

/** A legal hold stops a case's retention clock: a supervisor places and lifts it, with a reason. */
@ApiTags('retention')
@ApiBearerAuth()
@Controller('cases')
export class LegalHoldController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/legal-hold')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOkResponse({ description: 'The case is held: it is not disposed of, whatever its retention period' })
  @ApiNotFoundResponse({ description: 'No such case' })
  @ApiConflictResponse({ description: 'The case is already held (`rule: already-held`)' })
  place(@Param('id', CaseIdPipe) id: string, @Body() body: PlaceLegalHoldDto, @CommandCtx() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<CommandResponse> {
    return this.run(id, { type: 'PlaceLegalHold', reason: body.reason }, context, reply);
  }

  @Post(':id/legal-hold/lift')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOkResponse({ description: 'The hold is lifted: the retention clock runs again, from the case\'s closure' })
  @ApiNotFoundResponse({ description: 'No such case' })
  @ApiConflictResponse({ description: 'The case is not held (`rule: not-held`)' })
  lift(@Param('id', CaseIdPipe) id: string, @Body() body: LiftLegalHoldDto, @CommandCtx() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<CommandResponse> {
    return this.run(id, { type: 'LiftLegalHold', reason: body.reason }, context, reply);
  }

  private async run(caseId: string, change: LegalHoldChange, context: CommandContext, reply: FastifyReply): Promise<CommandResponse> {
    return commandResponse(reply, await this.commands.execute(new ChangeLegalHoldCommand(caseId, change, context)));
  }
}
