import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import type { CommandResponse } from '../../../http/command-response.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import { RestrictedAccessCommands } from '../change-restricted-access/restricted-access-commands.ts';
import { LiftRestrictionDto } from './lift-restriction.dto.ts';

@ApiTags('restricted access')
@ApiBearerAuth()
@Controller('cases')
export class LiftRestrictionController {
  constructor(private readonly restrictions: RestrictedAccessCommands) {}

  @Post(':id/restricted-access/lift')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOkResponse({ description: 'The restriction is lifted: the case is worked and listed as any other' })
  @ApiNotFoundResponse({ description: 'No such case, or one restricted without naming the caller' })
  @ApiConflictResponse({ description: 'The case is not restricted (`rule: not-restricted`)' })
  lift(@Param('id', CaseIdPipe) id: string, @Body() body: LiftRestrictionDto, @CommandCtx() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<CommandResponse> {
    return this.restrictions.run(id, { type: 'LiftRestriction', reason: body.reason }, context, reply);
  }
}
