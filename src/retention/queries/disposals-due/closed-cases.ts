import type { RetentionCaseKind } from '../../../settings/domain/retention.ts';

export interface ClosedCase {
  caseKind: RetentionCaseKind;
  caseId: string;
  closedAt: string;
  closureReason: string | null;
}

/**
 * Every closed case on or before a London day and not yet disposed of, from the list read models' folded state: a referral's closure, a
 * Community Resolution's closure (its outcome is the reason), a complaint's withdrawal or the decision on its review.
 */
export const CLOSED_CASES_SQL = `
  SELECT * FROM (
    SELECT 'referral' AS "caseKind", id::text AS "caseId", state->'closure'->>'at' AS "closedAt", closure_reason AS "closureReason"
      FROM referral_list WHERE jsonb_typeof(state->'closure') = 'object'
    UNION ALL
    SELECT 'community-resolution', id::text, state->'closure'->>'at', state->'closure'->>'outcome'
      FROM resolution_list WHERE jsonb_typeof(state->'closure') = 'object'
    UNION ALL
    SELECT 'complaint', id::text, state->'withdrawal'->>'at', state->'withdrawal'->>'reason'
      FROM complaint_list WHERE jsonb_typeof(state->'withdrawal') = 'object'
    UNION ALL
    SELECT 'complaint', id::text, state->'review'->'decision'->>'at', 'review-decided'
      FROM complaint_list WHERE jsonb_typeof(state->'withdrawal') <> 'object' AND jsonb_typeof(state->'review'->'decision') = 'object'
  ) closed
  WHERE ("closedAt"::timestamptz AT TIME ZONE 'Europe/London')::date <= $1::date
    AND NOT EXISTS (SELECT 1 FROM disposal_certificates d WHERE d.id::text = closed."caseId")
  ORDER BY "closedAt", "caseId"`;
