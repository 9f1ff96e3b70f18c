import { assertNever, type Decider } from '../../shared/domain/decider.ts';
import { DomainRuleViolation } from '../../shared/domain/errors.ts';
import type { HoldReason, LegalHoldEvent, ReleaseReason } from './legal-hold.events.ts';

/**
 * While a case is held its retention clock stands still: it is never due for disposal. Once a disposal has
 * cleared it, it can no longer be held.
 */
export type LegalHold = { status: 'none' } | { status: 'held'; reason: HoldReason; by: string; since: string } | { status: 'cleared-for-disposal'; since: string };

interface Acting {
  caseId: string;
  by: string;
  now: Date;
}

export type LegalHoldCommand =
  | ({ type: 'PlaceLegalHold'; reason: HoldReason } & Acting)
  | ({ type: 'LiftLegalHold'; reason: ReleaseReason } & Acting)
  | ({ type: 'ClearForDisposal' } & Acting);

export const legalHoldDecider: Decider<LegalHold, LegalHoldCommand, LegalHoldEvent> = {
  initialState: () => ({ status: 'none' }),
  decide(command, state) {
    const change = { caseId: command.caseId, by: command.by, at: command.now.toISOString() };
    switch (command.type) {
      case 'PlaceLegalHold':
        if (state.status === 'cleared-for-disposal') throw new DomainRuleViolation('case-disposed', `A disposal cleared the case at ${state.since}: its data is erased under the retention schedule`);
        if (state.status === 'held') throw new DomainRuleViolation('already-held', 'The case is already under a legal hold');
        return [{ type: 'LegalHoldPlaced', data: { ...change, reason: command.reason } }];
      case 'LiftLegalHold':
        if (state.status !== 'held') throw new DomainRuleViolation('not-held', 'The case is not under a legal hold');
        return [{ type: 'LegalHoldLifted', data: { ...change, reason: command.reason } }];
      case 'ClearForDisposal':
        if (state.status === 'held') throw new DomainRuleViolation('legal-hold', 'The case is under a legal hold: its retention clock stands still');
        // A disposal cut short and run again goes on from where the first cleared the case.
        return state.status === 'cleared-for-disposal' ? [] : [{ type: 'CaseClearedForDisposal', data: change }];
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
      case 'CaseClearedForDisposal':
        return { status: 'cleared-for-disposal', since: event.data.at };
      default:
        return assertNever(event);
    }
  },
};
