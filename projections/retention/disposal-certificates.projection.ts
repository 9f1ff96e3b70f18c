import type { CaseDisposed } from '../../src/retention/domain/disposal.events.ts';
import type { Projection } from '../runner/projection.ts';

/** One row per case disposed of: its certificate. Columns are those of disposal_certificates. */
export interface DisposalCertificateRow {
  [column: string]: unknown;
  id: string;
  case_kind: string;
  closed_at: string;
  closure_reason: string | null;
  due_on: string;
  rule: CaseDisposed['data']['rule'];
  subject_ids: string[];
  disposed_by: string;
  disposed_at: string;
}

export const disposalCertificatesProjection: Projection<DisposalCertificateRow> = {
  name: 'disposal-certificates',
  version: 1,
  table: 'disposal_certificates',
  eventTypes: ['CaseDisposed'],
  rowIdOf: (event) => (event.data as { caseId: string }).caseId,
  evolve(_row, event) {
    const { caseId, caseKind, closedAt, closureReason, dueOn, rule, subjectIds, by, disposedAt } = event.data as unknown as CaseDisposed['data'];
    return { id: caseId, case_kind: caseKind, closed_at: closedAt, closure_reason: closureReason, due_on: dueOn, rule, subject_ids: subjectIds, disposed_by: by, disposed_at: disposedAt };
  },
};
