import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import type { CommandOutcome } from '../../../command-pipeline/command-pipeline.ts';
import type { DipSampleDto } from './dip-sample.dto.ts';

export interface DipSampleOutcome extends CommandOutcome {
  populationSize: number;
  complaints: { id: string; reference: string }[];
  /** The event store position the population was read at. */
  readAtPosition: string;
}

export class DrawDipSampleCommand extends Command<DipSampleOutcome> {
  constructor(
    readonly body: DipSampleDto,
    readonly context: CommandContext,
  ) {
    super();
  }
}
