import { restrictedAccessDecider, type RestrictedAccess } from '../../src/case-access/domain/restricted-access.decide.ts';
import { RESTRICTED_ACCESS_EVENT_TYPES, type RestrictedAccessEvent } from '../../src/case-access/domain/restricted-access.events.ts';
import type { Projection } from '../runner/projection.ts';

/** One row per case restricted now (lifting deletes it). Columns are those of restricted_cases. */
export interface RestrictedCaseRow {
  [column: string]: unknown;
  id: string;
  reason: string;
  users: string[];
  teams: string[];
  since: string;
  changed_by: string;
  changed_at: string;
}

/** The row as the decider's state, so the read model folds exactly as the commands do. */
function accessOf(row: RestrictedCaseRow | undefined): RestrictedAccess {
  if (!row) return { status: 'open' };
  return { status: 'restricted', reason: row.reason as Extract<RestrictedAccess, { status: 'restricted' }>['reason'], users: row.users, teams: row.teams, since: row.since, changedBy: row.changed_by, changedAt: row.changed_at };
}

export const restrictedCasesProjection: Projection<RestrictedCaseRow> = {
  name: 'restricted-cases',
  version: 1,
  table: 'restricted_cases',
  eventTypes: RESTRICTED_ACCESS_EVENT_TYPES,
  rowIdOf: (event) => (event.data as { caseId: string }).caseId,
  evolve(row, recorded) {
    const event = { type: recorded.type, data: recorded.data } as unknown as RestrictedAccessEvent;
    const access = restrictedAccessDecider.evolve(accessOf(row), event);
    if (access.status === 'open') return undefined;
    return { id: event.data.caseId, reason: access.reason, users: access.users, teams: access.teams, since: access.since, changed_by: access.changedBy, changed_at: access.changedAt };
  },
};
