import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline, type CommandOutcome } from '../../../command-pipeline/command-pipeline.ts';
import { resolutionDecider } from '../../domain/resolution.decide.ts';
import { resolutionStream } from '../../resolution-stream.ts';
import { ChangeResolutionCommand } from './change-resolution.command.ts';

@CommandHandler(ChangeResolutionCommand)
export class ChangeResolutionHandler implements ICommandHandler<ChangeResolutionCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ resolutionId, command, context }: ChangeResolutionCommand): Promise<CommandOutcome> {
    return this.pipeline.run({ stream: resolutionStream(resolutionId), caseId: resolutionId, decider: resolutionDecider, context, command, stopsWhileRestricted: true, stopsOnceDisposed: true });
  }
}
