import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import type { CommandOutcome } from '../../../command-pipeline/command-pipeline.ts';
import type { ReceiveReferralDto } from './receive-referral.dto.ts';

export class ReceiveReferralCommand extends Command<CommandOutcome> {
  constructor(
    readonly body: ReceiveReferralDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}
