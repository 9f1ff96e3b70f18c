import { londonDate } from '../../src/calendar/working-days.ts';
import type { CriminalJusticeEventLearned, VictimUpdated } from '../../src/referrals/domain/referral.events.ts';
import type { Projection } from '../runner/projection.ts';

/** Columns of cj_updates: when the centre learned of a development, when the victim was due to hear, and when they did. */
export interface CjUpdateRow {
  [column: string]: unknown;
  id: string;
  referral_id: string;
  learned_on: string;
  /** As it stood when learned; reports compute the clock from learned_on and the entitlement as they stand. */
  due_by: string;
  enhanced_when_learned: boolean;
  told_on: string | null;
  on_time: boolean | null;
}

export const cjUpdatesProjection: Projection<CjUpdateRow> = {
  name: 'cj-updates',
  // 2: keeps whether the update was learned under the enhanced clock (issue 16).
  version: 2,
  table: 'cj_updates',
  eventTypes: ['CriminalJusticeEventLearned', 'VictimUpdated'],
  rowIdOf: (event) => (event.data as { cjEventId: string }).cjEventId,
  evolve(row, event) {
    if (event.type === 'CriminalJusticeEventLearned') {
      const { cjEventId, referralId, learnedAt, dueBy, enhanced } = event.data as CriminalJusticeEventLearned['data'];
      return { id: cjEventId, referral_id: referralId, learned_on: londonDate(learnedAt), due_by: dueBy, enhanced_when_learned: enhanced, told_on: null, on_time: null };
    }
    const { at, onTime } = event.data as VictimUpdated['data'];
    return row && { ...row, told_on: londonDate(at), on_time: onTime };
  },
};
