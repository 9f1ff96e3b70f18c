import type { CaseAccessed } from '../../src/audit/access-log/access-log.events.ts';
import type { Projection } from '../runner/projection.ts';

/** One row per recorded read or refusal. Columns are those of access_log. */
export interface AccessLogRow {
  [column: string]: unknown;
  id: string;
  at: string;
  user_sub: string;
  roles: string[];
  case_ids: string[];
  method: string;
  route: string;
  purpose: string;
  refused: boolean;
}

export const accessLogProjection: Projection<AccessLogRow> = {
  name: 'access-log',
  version: 2,
  table: 'access_log',
  eventTypes: ['CaseAccessed', 'CaseAccessRefused'],
  rowPerEvent: true,
  rowIdOf: (event) => event.id,
  evolve(_row, event) {
    const { user, roles, caseIds, method, route, purpose, at } = event.data as CaseAccessed['data'];
    return { id: event.id, at, user_sub: user, roles, case_ids: caseIds, method, route, purpose, refused: event.type === 'CaseAccessRefused' };
  },
};
