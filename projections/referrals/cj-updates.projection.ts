import { londonDate } from '../../src/calendar/working-days.ts';
import type { CriminalJusticeEventLearned, VictimUpdated } from '../../src/referrals/domain/referral.events.ts';
import type { Projection } from '../runner/projection.ts';

/** Columns of cj_updates: when the centre learned of a development, when the victim was due to hear, and when they did. */
export interface CjUpdateRow {
  [column: string]: unknown;
  id: string;
  referral_id: string;
  learned_on: string;
  due_by: string;
  told_on: string | null;
  on_time: boolean | null;
}

export const cjUpdatesProjection: Projection<CjUpdateRow> = {
  name: 'cj-updates',
  version: 1,
  table: 'cj_updates',
  eventTypes: ['CriminalJusticeEventLearned', 'VictimUpdated'],
  rowIdOf: (event) => (event.data as { cjEventId: string }).cjEventId,
  evolve(row, event) {
    if (event.type === 'CriminalJusticeEventLearned') {
      const { cjEventId, referralId, learnedAt, dueBy } = event.data as CriminalJusticeEventLearned['data'];
      return { id: cjEventId, referral_id: referralId, learned_on: londonDate(learnedAt), due_by: dueBy, told_on: null, on_time: null };
    }
    const { at, onTime } = event.data as VictimUpdated['data'];
    return row && { ...row, told_on: londonDate(at), on_time: onTime };
  },
};
