import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline, type CommandOutcome } from '../../../command-pipeline/command-pipeline.ts';
import { referralDecider } from '../../domain/referral.decide.ts';
import { referralStream } from '../../referral-stream.ts';
import { AssignCaseManagerCommand } from './assign-case-manager.command.ts';

@CommandHandler(AssignCaseManagerCommand)
export class AssignCaseManagerHandler implements ICommandHandler<AssignCaseManagerCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ referralId, body, context }: AssignCaseManagerCommand): Promise<CommandOutcome> {
    return this.pipeline.run({
      stream: referralStream(referralId),
      caseId: referralId,
      decider: referralDecider,
      context,
      command: { type: 'AssignCaseManager', caseManager: body.caseManager, metadata: { now: context.now } },
    });
  }
}
