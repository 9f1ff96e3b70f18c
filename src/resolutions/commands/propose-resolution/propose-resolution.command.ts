import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import type { CommandOutcome } from '../../../command-pipeline/command-pipeline.ts';
import type { ProposeResolutionDto } from './propose-resolution.dto.ts';

export class ProposeResolutionCommand extends Command<CommandOutcome> {
  constructor(
    readonly body: ProposeResolutionDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}
