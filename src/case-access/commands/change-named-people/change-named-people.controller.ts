import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../../auth/roles.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import type { CommandResponse } from '../../../http/command-response.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import { RestrictedAccessCommands } from '../change-restricted-access/restricted-access-commands.ts';
import { ChangeNamedPeopleDto } from './change-named-people.dto.ts';

@ApiTags('restricted access')
@ApiBearerAuth()
@Controller('cases')
export class ChangeNamedPeopleController {
  constructor(private readonly restrictions: RestrictedAccessCommands) {}

  @Post(':id/restricted-access/named')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOkResponse({ description: 'The users and teams named replace those named before (the supervisor changing them stays named)' })
  @ApiBadRequestResponse({ description: 'A field is wrong, or a user named is not a known user' })
  @ApiNotFoundResponse({ description: 'No such case, or one restricted without naming the caller' })
  @ApiConflictResponse({ description: 'The case is not restricted (`rule: not-restricted`)' })
  change(@Param('id', CaseIdPipe) id: string, @Body() body: ChangeNamedPeopleDto, @CommandCtx() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<CommandResponse> {
    return this.restrictions.run(id, { type: 'ChangeNamedPeople', reason: body.reason, users: body.users, teams: body.teams }, context, reply);
  }
}
