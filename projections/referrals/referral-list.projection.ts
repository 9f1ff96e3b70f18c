import type { RecordedEvent } from '../../src/event-store/event-store.port.ts';
import type { ReferralEvent } from '../../src/referrals/domain/referral.events.ts';
import { assertNever } from '../../src/shared/domain/decider.ts';
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
  received_at: string;
  revision: number;
  updated_at: string;
}

type ProjectedReferralEvent = Omit<RecordedEvent, 'type' | 'data'> & ReferralEvent;

export const referralListProjection: Projection<ReferralListRow> = {
  name: 'referral-list',
  version: 1,
  table: 'referral_list',
  eventTypes: ['ReferralReceived', 'CaseManagerAssigned'] satisfies ReferralEvent['type'][],
  rowIdOf: (event) => (event.data as { referralId: string }).referralId,
  evolve(row, recorded) {
    const event = recorded as ProjectedReferralEvent;
    const touched = { revision: event.revision, updated_at: event.recordedAt.toISOString() };
    switch (event.type) {
      case 'ReferralReceived': {
        const { data } = event;
        return {
          id: data.referralId,
          status: 'received',
          source: data.source,
          crime_type_id: data.crimeTypeId,
          case_manager: null,
          victim_name: data.victim.name,
          received_at: data.receivedAt,
          ...touched,
        };
      }
      case 'CaseManagerAssigned':
        return row && { ...row, case_manager: event.data.caseManager, ...touched };
      default:
        return assertNever(event);
    }
  },
};
