import { Query } from '@nestjs/cqrs';
import type { EqualityBreakdown } from '../../../shared/equality-breakdown.ts';

export interface Count {
  key: string;
  count: number;
}

/** A count of entries of a configurable list, with the entry's label as configured now. */
export type LabelledCount = Count & { label: string };

/** The victim care centre's figures for a period, by referral date; only aggregates, never a person. */
export interface BeaconReport {
  period: { from: string; to: string };
  referrals: number;
  bySource: Count[];
  byCrimeType: LabelledCount[];
  priorityGroups: { enhanced: number; share: number | null; nationalShare: number };
  support: { accepted: number; declined: number; acceptanceRate: number | null; declineReasons: LabelledCount[] };
  /** Working days from the crime being reported to the referral reaching the centre (referrals that give the date). */
  crimeReportToReferral: { referrals: number; medianWorkingDays: number | null };
  /** Police referrals that give the crime report's date, and those passed on more than 2 working days after it. */
  policeReferralDelay: { referrals: number; delayed: number; delayedShare: number | null };
  contactsOverdue: number;
  /**
   * Developments learned in the period: passed on within 5 working days (1 for enhanced victims) or not. `onTimeRate`
   * is of those told; `communicatedInTimeShare` of all learned, told or not (a message sent through Notify counts once delivered).
   */
  criminalJusticeUpdates: { learned: number; toldOnTime: number; toldLate: number; owedAndOverdue: number; onTimeRate: number | null; communicatedInTimeShare: number | null };
  unableToContact: number;
  /** Assessed referrals by risk level. */
  riskLevels: Count[];
  /** Onward referrals to services, by outcome (`awaiting` until one is recorded). */
  serviceReferrals: { made: number; byOutcome: Count[] };
  /** Victims offered a Victim Personal Statement (whatever they chose), and those who made one. */
  personalStatements: { offered: number; made: number };
  /** Victims given information on restorative justice, and those interested. */
  restorativeJustice: { informed: number; interested: number };
  closuresByReason: LabelledCount[];
  /** The period's referrals by the victim's gender, ethnicity, disability and age band; counts of 1 to 4 withheld (small-cell-suppression.ts). */
  equality: EqualityBreakdown;
}

export class BeaconReportQuery extends Query<BeaconReport> {
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super();
  }
}
