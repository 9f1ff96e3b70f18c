import { assertNever } from '../../shared/domain/decider.ts';
import type { Consent, ReferralEvent, ReferralSource, Victim } from './referral.events.ts';

export type Referral =
  | { status: 'none' }
  | {
      status: 'received';
      id: string;
      source: ReferralSource;
      crimeReference: string | null;
      crimeTypeId: string;
      offenceDate: string | null;
      crimeReportedOn: string | null;
      victim: Victim;
      consent: Consent;
      receivedAt: string;
      caseManager: string | null;
    };

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
