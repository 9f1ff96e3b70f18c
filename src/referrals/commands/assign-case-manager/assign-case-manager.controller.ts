import { effectiveTime } from '../../../http/effective-time.dto.ts';
import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { KnownUsers } from '../../../auth/known-users.ts';
import { Roles, type Role } from '../../../auth/roles.ts';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import { CaseIdPipe } from '../../../http/case-id.pipe.ts';
import type { CommandResponse } from '../../../http/command-response.ts';
import { ValidationFailed } from '../../../http/problem.ts';
import { CommandCtx } from '../../../http/request-context.ts';
import { ReferralCommands } from '../change-referral/referral-commands.ts';
import { AssignCaseManagerDto } from './assign-case-manager.dto.ts';

/** Whoever may hold a caseload: the roles that work on victims' journeys. */
const ASSIGNABLE_ROLES: readonly Role[] = ['case_manager', 'supervisor'];

@ApiTags('referrals')
@ApiBearerAuth()
@Controller('referrals')
export class AssignCaseManagerController {
  constructor(
    private readonly referrals: ReferralCommands,
    private readonly users: KnownUsers,
  ) {}

  @Post(':id/assign')
  @HttpCode(200)
  @Roles('case_manager', 'supervisor')
  @ApiOkResponse({ description: 'The case manager was assigned: by a supervisor to anyone assignable, or by a case manager to themselves while the case had no one' })
  @ApiForbiddenResponse({ description: 'A case manager assigning a colleague, or taking a case someone already holds (`rule: assignment-by-supervisor`)' })
  @ApiBadRequestResponse({ description: '`caseManager` is not a known user (one who has signed in) with the case_manager or supervisor role' })
  async assign(
    @Param('id', CaseIdPipe) id: string,
    @Body() body: AssignCaseManagerDto,
    @CommandCtx() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CommandResponse> {
    if (!(await this.users.holdsAnyRole(body.caseManager, ASSIGNABLE_ROLES))) {
      throw new ValidationFailed([{ field: 'caseManager', message: 'caseManager must be the user id of a known user (one who has signed in) with the case_manager or supervisor role' }]);
    }
    const assignedBy = { userId: context.actor.sub, supervisor: context.actor.roles.includes('supervisor') };
    return this.referrals.run(id, { type: 'AssignCaseManager', caseManager: body.caseManager, assignedBy, at: effectiveTime(body), metadata: { now: context.now } }, context, reply);
  }
}
