import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import type { CommandResponse } from '../../../http/command-response.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import { RestrictedAccessCommands } from '../change-restricted-access/restricted-access-commands.ts';
import { RestrictAccessDto } from './restrict-access.dto.ts';

@ApiTags('restricted access')
@ApiBearerAuth()
@Controller('cases')
export class RestrictAccessController {
  constructor(private readonly restrictions: RestrictedAccessCommands) {}

  @Post(':id/restricted-access')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOkResponse({ description: 'The case (a referral, complaint or Community Resolution) is restricted: only the users and teams named, the supervisor restricting it and auditors now see it; `revision` is that of the restriction' })
  @ApiBadRequestResponse({ description: 'A field is wrong, or a user named is not a known user' })
  @ApiNotFoundResponse({ description: 'No such case, or one restricted without naming the caller' })
  @ApiConflictResponse({ description: 'Already restricted (`rule: already-restricted`): change who is named instead' })
  restrict(@Param('id', CaseIdPipe) id: string, @Body() body: RestrictAccessDto, @CommandCtx() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<CommandResponse> {
    return this.restrictions.run(id, { type: 'RestrictAccess', reason: body.reason, users: body.users, teams: body.teams }, context, reply);
  }
}
