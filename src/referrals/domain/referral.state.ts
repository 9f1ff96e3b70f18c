import { assertNever } from '../../shared/domain/decider.ts';
import type { ReferralEvent, ReferralReceived } from './referral.events.ts';

/** What the referral said when it arrived stays part of the journey's state. */
type ReceivedDetails = Omit<ReferralReceived['data'], 'referralId'>;

export type Referral = { status: 'none' } | ({ status: 'received'; id: string; caseManager: string | null } & ReceivedDetails);

export const initialReferral = (): Referral => ({ status: 'none' });

export function evolveReferral(state: Referral, event: ReferralEvent): Referral {
  switch (event.type) {
    case 'ReferralReceived': {
      const { referralId, ...details } = event.data;
      return { status: 'received', id: referralId, ...details, caseManager: null };
    }
    case 'CaseManagerAssigned':
      return state.status === 'none' ? state : { ...state, caseManager: event.data.caseManager };
    default:
      return assertNever(event);
  }
}
