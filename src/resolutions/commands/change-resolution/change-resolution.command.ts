import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import type { CommandOutcome } from '../../../command-pipeline/command-pipeline.ts';
import type { ResolutionCommand } from '../../domain/resolution.decide.ts';

export type ResolutionChange = Exclude<ResolutionCommand, { type: 'ProposeResolution' }>;

/** Any state change of an existing resolution: the slice's controller builds the domain command. */
export class ChangeResolutionCommand extends Command<CommandOutcome> {
  constructor(
    readonly resolutionId: string,
    readonly command: ResolutionChange,
    readonly context: CommandContext,
  ) {
    super();
  }
}
