import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../../command-pipeline/command-context.ts';

export interface DisposedCase {
  caseId: string;
  caseKind: string;
  /** The certificate's position: a query sent it as X-Min-Position lists it. */
  position: string;
}

/**
 * A case chosen that was kept, nothing of it erased: a legal hold placed during the disposal, or a command that
 * opened it again since the closure the review read (its history no longer closes it then).
 */
export interface KeptCase {
  caseId: string;
  caseKind: string;
  rule: 'legal-hold' | 'reopened';
}

export interface Disposed {
  asOf: string;
  disposed: DisposedCase[];
  kept: KeptCase[];
  /** The last write of the disposal, null when nothing was due. */
  position: string | null;
  /** Other cases remain due beyond the limit: a repeated request takes them. */
  more: boolean;
}

/** Disposes of the cases due by a London day (not after today), oldest first up to a limit, or of the named ones, each of which must be due. */
export class DisposeCasesCommand extends Command<Disposed> {
  constructor(
    readonly asOf: string,
    /** Each of these, or without them the oldest closures up to the limit. */
    readonly chosen: { caseIds?: readonly string[]; limit: number },
    readonly context: CommandContext,
    /** The review waits for the read models to reach this write. */
    readonly minPosition?: bigint,
  ) {
    super();
  }
}
