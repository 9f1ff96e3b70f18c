import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline, type CommandOutcome } from '../../../command-pipeline/command-pipeline.ts';
import { referralDecider } from '../../domain/referral.decide.ts';
import { referralStream } from '../../referral-stream.ts';
import { ChangeReferralCommand } from './change-referral.command.ts';

@CommandHandler(ChangeReferralCommand)
export class ChangeReferralHandler implements ICommandHandler<ChangeReferralCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ referralId, command, context }: ChangeReferralCommand): Promise<CommandOutcome> {
    return this.pipeline.run({ stream: referralStream(referralId), caseId: referralId, decider: referralDecider, context, command, stopsWhileRestricted: true, stopsOnceDisposed: true });
  }
}
