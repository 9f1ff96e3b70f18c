import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import type { CommandOutcome } from '../../../command-pipeline/command-pipeline.ts';
import type { LegalHoldCommand } from '../../domain/legal-hold.decide.ts';

/** What a route asks of a case's legal hold; the case, the supervisor and the time come from the request. */
export type LegalHoldChange = LegalHoldCommand extends infer Each ? (Each extends LegalHoldCommand ? Omit<Each, 'caseId' | 'by' | 'now'> : never) : never;

export class ChangeLegalHoldCommand extends Command<CommandOutcome> {
  constructor(
    readonly caseId: string,
    readonly change: LegalHoldChange,
    readonly context: CommandContext,
  ) {
    super();
  }
}
