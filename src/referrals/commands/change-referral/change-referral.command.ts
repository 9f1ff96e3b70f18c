import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import type { CommandOutcome } from '../../../command-pipeline/command-pipeline.ts';
import type { ReferralCommand } from '../../domain/referral.commands.ts';

/** Any state change of an existing journey: the slice's controller builds the domain command. */
export class ChangeReferralCommand extends Command<CommandOutcome> {
  constructor(
    readonly referralId: string,
    readonly command: Exclude<ReferralCommand, { type: 'ReceiveReferral' }>,
    readonly context: CommandContext,
  ) {
    super();
  }
}
