import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseHistories } from '../../../audit/history/case-history.ts';
import { KnownUsers } from '../../../auth/known-users.ts';
import { ROLES } from '../../../auth/roles.ts';
import { CaseNotFound } from '../../../command-pipeline/command-pipeline.errors.ts';
import { CommandPipeline, type CommandOutcome } from '../../../command-pipeline/command-pipeline.ts';
import { ValidationFailed } from '../../../http/problem.ts';
import { restrictedAccessDecider, type RestrictedAccessCommand } from '../../domain/restricted-access.decide.ts';
import { restrictedAccessStream } from '../../restricted-access-stream.ts';
import { ChangeRestrictedAccessCommand } from './change-restricted-access.command.ts';

/** Restricts, changes or lifts the restriction of an existing case of any kind, on the restriction's own stream. */
@CommandHandler(ChangeRestrictedAccessCommand)
export class ChangeRestrictedAccessHandler implements ICommandHandler<ChangeRestrictedAccessCommand> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly cases: CaseHistories,
    private readonly users: KnownUsers,
  ) {}

  async execute({ caseId, change, context }: ChangeRestrictedAccessCommand): Promise<CommandOutcome> {
    if (!(await this.cases.kindOf(caseId))) throw new CaseNotFound(caseId);
    if ('users' in change) await this.refuseUnknown(change.users);
    const command = { ...change, caseId, by: context.actor.sub, now: context.now } as RestrictedAccessCommand;
    // The first restriction of a case opens its restriction's stream.
    return this.pipeline.run({ stream: restrictedAccessStream(caseId), caseId, decider: restrictedAccessDecider, command, context, createsCase: true, stopsOnceDisposed: true });
  }

  /** Named users are users the service knows (who have signed in), as for assigning a case: a typo names no one. */
  private async refuseUnknown(users: readonly string[]): Promise<void> {
    const known = await Promise.all(users.map((user) => this.users.holdsAnyRole(user, ROLES)));
    if (known.every(Boolean)) return;
    throw new ValidationFailed([{ field: 'users', message: 'each of users must be the user id of a known user (one who has signed in)' }]);
  }
}
