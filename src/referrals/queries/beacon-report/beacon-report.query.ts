import { Query } from '@nestjs/cqrs';

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
  contactsOverdue: number;
  /**
   * Developments learned in the period: passed on within 5 working days (1 for enhanced victims) or not. `onTimeRate`
   * is of those told; `communicatedInTimeShare` of all learned, told or not (a message sent through Notify counts once delivered).
   */
  criminalJusticeUpdates: { learned: number; toldOnTime: number; toldLate: number; owedAndOverdue: number; onTimeRate: number | null; communicatedInTimeShare: number | null };
  unableToContact: number;
  closuresByReason: LabelledCount[];
}

export class BeaconReportQuery extends Query<BeaconReport> {
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super();
  }
}
