import type { Decider } from '../../shared/domain/decider.ts';
import { DomainRuleViolation } from '../../shared/domain/errors.ts';
import type { RetentionCaseKind, RetentionPeriod } from '../../settings/domain/retention.ts';
import type { DisposalEvent } from './disposal.events.ts';

export type Disposal = { status: 'kept' } | { status: 'disposed'; at: string };

/** A closed case whose retention period has run by the day asked for. */
export interface DueCase {
  caseKind: RetentionCaseKind;
  caseId: string;
  closedAt: string;
  closureReason: string | null;
  dueOn: string;
  rule: RetentionPeriod;
}

/** What the review found of one case: due (with its rule) or not, and whether a legal hold keeps it. */
export interface DisposeCase {
  type: 'DisposeCase';
  caseId: string;
  due: DueCase | null;
  held: boolean;
  subjectIds: string[];
  by: string;
  now: Date;
}

/** Why a case may not be disposed of now; null when it may. Checked for every case named before anything is erased. */
export function refusalOf(disposal: Disposal, command: Pick<DisposeCase, 'due' | 'held'>): DomainRuleViolation | null {
  if (disposal.status === 'disposed') return new DomainRuleViolation('already-disposed', `The case was disposed of at ${disposal.at}`);
  if (command.held) return new DomainRuleViolation('legal-hold', 'The case is under a legal hold: its retention clock stands still');
  if (!command.due) return new DomainRuleViolation('not-due', 'The case is open, or its retention period has not run');
  return null;
}

/** A case is disposed of once: its certificate stream holds one event. */
export const disposalDecider: Decider<Disposal, DisposeCase, DisposalEvent> = {
  initialState: () => ({ status: 'kept' }),
  decide(command, state) {
    const refusal = refusalOf(state, command);
    if (refusal) throw refusal;
    const { caseKind, caseId, closedAt, closureReason, dueOn, rule } = command.due!;
    return [{ type: 'CaseDisposed', data: { caseId, caseKind, closedAt, closureReason, dueOn, rule, subjectIds: command.subjectIds, by: command.by, disposedAt: command.now.toISOString() } }];
  },
  evolve: (_state, event) => ({ status: 'disposed', at: event.data.disposedAt }),
};

/** Once disposed of, a case takes no command (HTTP 409 `case-disposed`). */
export class CaseDisposedOf extends DomainRuleViolation {
  constructor(at: string) {
    super('case-disposed', `The case was disposed of at ${at} under the retention schedule: it takes no command`);
  }
}
