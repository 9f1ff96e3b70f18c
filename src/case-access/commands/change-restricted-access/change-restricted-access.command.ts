import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';
import type { CommandOutcome } from '../../../command-pipeline/command-pipeline.ts';
import type { RestrictedAccessCommand } from '../../domain/restricted-access.decide.ts';

type Acting = 'caseId' | 'by' | 'now';
/** What a route asks of a case's restriction; the case, the supervisor and the time come from the request. */
export type RestrictedAccessChange = RestrictedAccessCommand extends infer Each ? (Each extends RestrictedAccessCommand ? Omit<Each, Acting> : never) : never;

export class ChangeRestrictedAccessCommand extends Command<CommandOutcome> {
  constructor(
    readonly caseId: string,
    readonly change: RestrictedAccessChange,
    readonly context: CommandContext,
  ) {
    super();
  }
}
