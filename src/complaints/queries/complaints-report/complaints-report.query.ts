import { Query } from '@nestjs/cqrs';
import type { ReviewBody } from '../../domain/criteria.ts';
import type { EqualityBreakdown } from '../../../shared/equality-breakdown.ts';

export interface Count {
  key: string;
  count: number;
}

/** The IOPC's quarterly figures for complaints received in a period; only aggregates, never a person. */
export interface ComplaintsReport {
  period: { from: string; to: string };
  logged: number;
  recorded: number;
  handledOutsideSchedule3: number;
  withdrawn: number;
  allegationsByCategory: (Count & { label: string })[];
  reasonsForRecording: Count[];
  workingDaysToContact: { average: number | null; complaints: number };
  workingDaysToFinalise: { average: number | null; complaints: number };
  reviews: { body: ReviewBody; received: number; decided: number; upheld: number }[];
  /** The period's complaints (`logged`) by the complainant's gender, ethnicity, disability and age band; counts of 1 to 4 withheld (small-cell-suppression.ts). */
  equality: EqualityBreakdown;
}

export class ComplaintsReportQuery extends Query<ComplaintsReport> {
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super();
  }
}
