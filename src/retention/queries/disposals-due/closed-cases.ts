import type { CalendarDate } from '../../../calendar/working-days.ts';
import type { RetentionCaseKind } from '../../../settings/domain/retention.ts';

export interface ClosedCase {
  caseKind: RetentionCaseKind;
  caseId: string;
  closedAt: Date;
  closureReason: string | null;
}

/** A retention rule as the review applies it: the cases of its kind (and reason; null for the kind's others) closed on or before a London day. */
export interface ClosedByRule {
  caseKind: RetentionCaseKind;
  closureReason: string | null;
  lastClosedOn: CalendarDate;
}

export interface ClosedCasesQuery {
  rules: readonly ClosedByRule[];
  /** Cases a legal hold keeps. */
  held: readonly string[];
  /** Only these cases, when named. */
  caseIds?: readonly string[];
  /** The page goes on after this closure and case id. */
  after?: readonly [closedAt: string, caseId: string];
  limit: number;
}

/** Each kind's list read model, and the column that gives its closure's reason. */
const CLOSABLE: readonly { caseKind: RetentionCaseKind; table: string; reason: string }[] = [
  { caseKind: 'referral', table: 'referral_list', reason: 'closure_reason' },
  { caseKind: 'complaint', table: 'complaint_list', reason: 'closure_reason' },
  { caseKind: 'community-resolution', table: 'resolution_list', reason: 'outcome' },
];

/**
 * The closed cases the rules make due and no hold keeps, not yet disposed of, in closure order: a page of them from
 * each kind's `(closed_at, id)` index (migration 1763800380000), merged. A case takes its reason's rule, else its
 * kind's; the latest bound of the kind bounds the index scan, the case's own rule is checked on each row found.
 */
export function closedCasesSql(query: ClosedCasesQuery): { sql: string; values: unknown[] } {
  const values: unknown[] = [
    query.rules.map((rule) => rule.caseKind),
    query.rules.map((rule) => rule.closureReason),
    query.rules.map((rule) => rule.lastClosedOn),
    query.held,
    query.limit,
  ];
  const parameter = (value: unknown) => `$${values.push(value)}`;
  const after = query.after && `(t.closed_at, t.id) > (${parameter(query.after[0])}::timestamptz, ${parameter(query.after[1])}::uuid)`;
  const named = query.caseIds && `t.id = ANY(${parameter(query.caseIds)}::uuid[])`;
  const branches = CLOSABLE.map(({ caseKind, table, reason }) => {
    const kind = `${parameter(caseKind)}::text`;
    const conditions = [
      `t.closed_at < (SELECT max(before) FROM rules WHERE kind = ${kind})`,
      `t.closed_at < coalesce((SELECT before FROM rules WHERE kind = ${kind} AND reason = t.${reason}), (SELECT before FROM rules WHERE kind = ${kind} AND reason IS NULL))`,
      ...(after ? [after] : []),
      ...(named ? [named] : []),
      'NOT t.id = ANY($4::uuid[])',
      'NOT EXISTS (SELECT 1 FROM disposal_certificates d WHERE d.id = t.id)',
    ];
    return `(SELECT ${kind} AS "caseKind", t.id AS "caseId", t.closed_at AS "closedAt", t.${reason} AS "closureReason"
      FROM ${table} t WHERE ${conditions.join(' AND ')} ORDER BY t.closed_at, t.id LIMIT $5)`;
  });
  const sql = `
    WITH rules AS (
      SELECT kind, reason, (last_closed_on + 1)::timestamp AT TIME ZONE 'Europe/London' AS before
        FROM unnest($1::text[], $2::text[], $3::date[]) AS rule(kind, reason, last_closed_on))
    SELECT * FROM (${branches.join(' UNION ALL ')}) due ORDER BY "closedAt", "caseId" LIMIT $5`;
  return { sql, values };
}
