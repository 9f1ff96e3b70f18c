import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { SettingsService } from '../../../settings/settings.service.ts';
import { equalityBreakdown } from '../../../shared/equality-breakdown.ts';
import type { ReviewBody } from '../../domain/criteria.ts';
import { complaintsReport, type ComplaintTotals, type FinaliseDays, type ReviewTotals } from './complaints-report.ts';
import { ComplaintsReportQuery, type ComplaintsReport, type Count } from './complaints-report.query.ts';

/** Complaints received in the period (a day in England); complaint_list_report covers every column read. */
const IN_PERIOD = `received_day BETWEEN $1::date AND $2::date`;

/**
 * Aggregates over complaint_list's report columns in PostgreSQL: a year is a few hundred rows to Node, not
 * every complaint. Working days to finalise need the current calendar, so they are summed per day here.
 */
@QueryHandler(ComplaintsReportQuery)
export class ComplaintsReportHandler implements IQueryHandler<ComplaintsReportQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: SettingsService,
  ) {}

  async execute({ from, to }: ComplaintsReportQuery): Promise<ComplaintsReport> {
    const query = <Row>(sql: string) => this.dataSource.query<Row[]>(sql, [from, to]);
    const [[totals], allegations, reasons, days, reviews, settings, equality] = await Promise.all([
      query<ComplaintTotals>(
        `SELECT count(*)::int AS logged,
                count(recording_reason)::int AS recorded,
                count(*) FILTER (WHERE handled_outside_schedule_3)::int AS "handledOutsideSchedule3",
                count(*) FILTER (WHERE withdrawn)::int AS withdrawn,
                count(contact_working_days)::int AS contacted,
                coalesce(sum(contact_working_days), 0)::int AS "contactWorkingDays",
                count(finalised_day)::int AS finalised
           FROM complaint_list WHERE ${IN_PERIOD}`,
      ),
      query<Count>(
        `SELECT category AS key, count(*)::int AS count
           FROM complaint_list CROSS JOIN LATERAL unnest(allegation_categories) AS category
          WHERE ${IN_PERIOD} GROUP BY 1`,
      ),
      query<Count>(`SELECT recording_reason AS key, count(*)::int AS count FROM complaint_list WHERE ${IN_PERIOD} AND recording_reason IS NOT NULL GROUP BY 1`),
      query<{ side: keyof FinaliseDays; day: string; count: number }>(
        `SELECT 'received' AS side, received_day::text AS day, count(*)::int AS count
           FROM complaint_list WHERE ${IN_PERIOD} AND finalised_day > received_day GROUP BY received_day
         UNION ALL
         SELECT 'finalised', finalised_day::text, count(*)::int
           FROM complaint_list WHERE ${IN_PERIOD} AND finalised_day > received_day GROUP BY finalised_day`,
      ),
      query<ReviewTotals & { body: ReviewBody }>(
        `SELECT review_body AS body, count(*)::int AS received,
                count(*) FILTER (WHERE review_decided)::int AS decided,
                count(*) FILTER (WHERE review_upheld)::int AS upheld
           FROM complaint_list WHERE ${IN_PERIOD} AND review_body IS NOT NULL GROUP BY 1`,
      ),
      this.settings.current(),
      equalityBreakdown(this.dataSource, `complaint_list WHERE ${IN_PERIOD}`, [from, to]),
    ]);
    const finaliseDays: FinaliseDays = { received: [], finalised: [] };
    for (const { side, day, count } of days) finaliseDays[side].push({ day, count });
    const labelOf = (category: string) => settings.labelOf('complaintCategories', category);
    return { ...complaintsReport({ from, to }, totals!, allegations, reasons, finaliseDays, reviews, settings.calendar, labelOf), equality };
  }
}
