import { assertNever, type Decider } from '../../shared/domain/decider.ts';
import { DomainRuleViolation } from '../../shared/domain/errors.ts';
import type { HoldReason, LegalHoldEvent, ReleaseReason } from './legal-hold.events.ts';

/** While a case is held its retention clock stands still: it is never due for disposal. */
export type LegalHold = { status: 'none' } | { status: 'held'; reason: HoldReason; by: string; since: string };

interface Acting {
  caseId: string;
  by: string;
  now: Date;
}

export type LegalHoldCommand = ({ type: 'PlaceLegalHold'; reason: HoldReason } & Acting) | ({ type: 'LiftLegalHold'; reason: ReleaseReason } & Acting);

export const legalHoldDecider: Decider<LegalHold, LegalHoldCommand, LegalHoldEvent> = {
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    const change = { caseId: command.caseId, by: command.by, at: command.now.toISOString() };
    switch (command.type) {
      case 'PlaceLegalHold':
        if (state.status === 'held') throw new DomainRuleViolation('already-held', 'The case is already under a legal hold');
        return [{ type: 'LegalHoldPlaced', data: { ...change, reason: command.reason } }];
      case 'LiftLegalHold':
        if (state.status !== 'held') throw new DomainRuleViolation('not-held', 'The case is not under a legal hold');
        return [{ type: 'LegalHoldLifted', data: { ...change, reason: command.reason } }];
      default:
        return assertNever(command);
    }
  },
  evolve(_state, event) {
    switch (event.type) {
      case 'LegalHoldPlaced':
        return { status: 'held', reason: event.data.reason, by: event.data.by, since: event.data.at };
      case 'LegalHoldLifted':
        return { status: 'none' };
      default:
        return assertNever(event);
    }
  },
};
