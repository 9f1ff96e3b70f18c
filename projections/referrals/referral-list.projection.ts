import type { ReferralEvent } from '../../src/referrals/domain/referral.events.ts';
import { evolveReferral, initialReferral, journeyStatus, type ReceivedReferral, type Referral } from '../../src/referrals/domain/referral.state.ts';
import type { Projection } from '../runner/projection.ts';

/** One row per victim journey: the case managers' list. Columns are those of referral_list. */
export interface ReferralListRow {
  [column: string]: unknown;
  id: string;
  status: string;
  source: string;
  crime_type_id: string;
  case_manager: string | null;
  victim_name: string;
  enhanced: boolean;
  received_at: string;
  revision: number;
  updated_at: string;
  /** The journey folded by the domain's own evolve, so the list never re-implements its rules. */
  state: ReceivedReferral;
}

const REFERRAL_EVENT_TYPES: ReferralEvent['type'][] = [
  'ReferralReceived',
  'CaseManagerAssigned',
  'NeedsAssessed',
  'SupportAccepted',
  'SupportDeclined',
  'CaseClosed',
  'CaseReopened',
];

export const referralListProjection: Projection<ReferralListRow> = {
  name: 'referral-list',
  // 2: folds with the domain's evolve and keeps status, enhanced and the state itself.
  version: 2,
  table: 'referral_list',
  eventTypes: REFERRAL_EVENT_TYPES,
  rowIdOf: (event) => (event.data as { referralId: string }).referralId,
  evolve(row, recorded) {
    const previous: Referral = row?.state ?? initialReferral();
    const state = evolveReferral(previous, { type: recorded.type, data: recorded.data } as unknown as ReferralEvent);
    if (state.status === 'none') return row;
    return {
      id: state.id,
      status: journeyStatus(state),
      source: state.source,
      crime_type_id: state.crimeTypeId,
      case_manager: state.caseManager,
      victim_name: state.victim.name,
      enhanced: state.assessment?.enhanced ?? false,
      received_at: state.receivedAt,
      revision: recorded.revision,
      updated_at: recorded.recordedAt.toISOString(),
      state,
    };
  },
};

