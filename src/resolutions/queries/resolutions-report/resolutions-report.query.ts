import { Query } from '@nestjs/cqrs';
import type { EqualityBreakdown } from '../../../shared/equality-breakdown.ts';

export interface OffenceOutcomeCount {
  offenceType: string;
  /** `open` until the resolution closes; `not-approved` where a supervisor decided it does not go ahead. */
  outcome: 'complied' | 'not-complied' | 'not-approved' | 'open';
  count: number;
}

export interface RemedyTypeCount {
  type: string;
  agreed: number;
  chosenByVictim: number;
  completed: number;
  failed: number;
}

/** Community Resolutions proposed in a period; only aggregates, never a person. */
export interface ResolutionsReport {
  period: { from: string; to: string };
  resolutions: number;
  byOffenceTypeAndOutcome: OffenceOutcomeCount[];
  outcomes: { complied: number; notComplied: number; notApproved: number; open: number };
  /** Complied among the closed; null when none closed. */
  complianceRate: number | null;
  remedies: { agreed: number; chosenByVictim: number; notChosenByVictim: number; victimChoiceOverridden: number; byType: RemedyTypeCount[] };
  communityWork: { hoursAgreed: number; hoursDone: number };
  /** In pence. */
  compensation: { agreed: number; paid: number };
  victims: { resolutionsWithVictims: number; withVictimConsulted: number; shareWithVictimConsulted: number | null };
  /** The period's resolutions by the offender's gender, ethnicity, disability and age band at the offence; counts of 1 to 4 withheld (small-cell-suppression.ts). */
  equality: EqualityBreakdown;
}

export class ResolutionsReportQuery extends Query<ResolutionsReport> {
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super();
  }
}
