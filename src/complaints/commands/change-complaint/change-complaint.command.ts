import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import type { CommandOutcome } from '../../../command-pipeline/command-pipeline.ts';
import type { ComplaintCommand } from '../../domain/complaint.decide.ts';

export type ComplaintChange = Exclude<ComplaintCommand, { type: 'LogComplaint' }>;

/** Any state change of an existing complaint: the slice's controller builds the domain command. */
export class ChangeComplaintCommand extends Command<CommandOutcome> {
  constructor(
    readonly complaintId: string,
    readonly command: ComplaintChange,
    readonly context: CommandContext,
  ) {
    super();
  }
}
