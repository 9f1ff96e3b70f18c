import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CaseHistories } from '../../../audit/history/case-history.ts';
import { CaseNotFound } from '../../../command-pipeline/command-pipeline.errors.ts';
import { CommandPipeline, type CommandOutcome } from '../../../command-pipeline/command-pipeline.ts';
import { legalHoldDecider, type LegalHoldCommand } from '../../domain/legal-hold.decide.ts';
import { legalHoldStream } from '../../domain/legal-hold.events.ts';
import { ChangeLegalHoldCommand } from './change-legal-hold.command.ts';

/** Places or lifts the legal hold of an existing case of any kind, on the hold's own stream. */
@CommandHandler(ChangeLegalHoldCommand)
export class ChangeLegalHoldHandler implements ICommandHandler<ChangeLegalHoldCommand> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly cases: CaseHistories,
  ) {}

  async execute({ caseId, change, context }: ChangeLegalHoldCommand): Promise<CommandOutcome> {
    if (!(await this.cases.kindOf(caseId))) throw new CaseNotFound(caseId);
    const command = { ...change, caseId, by: context.actor.sub, now: context.now } as LegalHoldCommand;
    // The first hold on a case opens its hold's stream.
    return this.pipeline.run({ stream: legalHoldStream(caseId), caseId, decider: legalHoldDecider, command, context, createsCase: true, stopsOnceDisposed: true });
  }
}
