import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandPipeline, type CommandOutcome } from '../../../command-pipeline/command-pipeline.ts';
import { complaintStream } from '../../complaint-stream.ts';
import { complaintDecider } from '../../domain/complaint.decide.ts';
import { lawfulWhileRestricted } from '../../domain/lawful-while-restricted.ts';
import { ChangeComplaintCommand } from './change-complaint.command.ts';

@CommandHandler(ChangeComplaintCommand)
export class ChangeComplaintHandler implements ICommandHandler<ChangeComplaintCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ complaintId, command, context }: ChangeComplaintCommand): Promise<CommandOutcome> {
    return this.pipeline.run({ stream: complaintStream(complaintId), caseId: complaintId, decider: complaintDecider, context, command, stopsWhileRestricted: !lawfulWhileRestricted(command), stopsOnceDisposed: true });
  }
}
