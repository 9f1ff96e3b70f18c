import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import type { CommandOutcome } from '../../../command-pipeline/command-pipeline.ts';
import type { AssignCaseManagerDto } from './assign-case-manager.dto.ts';

export class AssignCaseManagerCommand extends Command<CommandOutcome> {
  constructor(
    readonly referralId: string,
    readonly body: AssignCaseManagerDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}
