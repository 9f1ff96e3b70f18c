/** The kinds of case the retention schedule covers, as the audit history names them. */
export const RETENTION_CASE_KINDS = ['referral', 'complaint', 'community-resolution'] as const;
export type RetentionCaseKind = (typeof RETENTION_CASE_KINDS)[number];

/**
 * How long a closed case is kept, counted from its closure: for one closure reason of a kind, or
 * (`closureReason: null`) for every reason of that kind without a rule of its own.
 */
export interface RetentionPeriod {
  caseKind: RetentionCaseKind;
  closureReason: string | null;
  months: number;
}

/**
 * Placeholders for the office to review, not figures from an authoritative schedule (README,
 * "Retention and disposal"): six years from closure for every kind, the period of the Limitation
 * Act 1980 for claims in contract or tort that OPCC retention schedules commonly use for casework.
 */
export const DEFAULT_RETENTION_PERIODS: readonly RetentionPeriod[] = RETENTION_CASE_KINDS.map((caseKind) => ({ caseKind, closureReason: null, months: 72 }));

/** The period that applies to a case closed for this reason: the reason's own, else its kind's. */
export function retentionPeriodFor(periods: readonly RetentionPeriod[], caseKind: RetentionCaseKind, closureReason: string | null): RetentionPeriod {
  const ofKind = periods.filter((period) => period.caseKind === caseKind);
  return ofKind.find((period) => period.closureReason !== null && period.closureReason === closureReason) ?? ofKind.find((period) => period.closureReason === null)!;
}
