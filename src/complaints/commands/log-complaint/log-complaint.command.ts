import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import type { CommandOutcome } from '../../../command-pipeline/command-pipeline.ts';
import type { LogComplaintDto } from './log-complaint.dto.ts';

export class LogComplaintCommand extends Command<CommandOutcome> {
  constructor(
    readonly body: LogComplaintDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}
