import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { BeaconReportQuery, type BeaconReport, type Count } from './beacon-report.query.ts';

/** The national share of referred victims in a priority group, which the office compares itself with. */
const NATIONAL_PRIORITY_SHARE = 0.2;

/** Aggregates over the referral-list read model; referral dates are calendar days in England. */
@QueryHandler(BeaconReportQuery)
export class BeaconReportHandler implements IQueryHandler<BeaconReportQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ from, to }: BeaconReportQuery): Promise<BeaconReport> {
    const period = `(received_at AT TIME ZONE 'Europe/London')::date BETWEEN $1::date AND $2::date`;
    const counts = (column: string, where = 'true') =>
      this.dataSource.query<Count[]>(
        `SELECT ${column} AS key, count(*)::int AS count FROM referral_list WHERE ${period} AND ${where} GROUP BY 1 ORDER BY 2 DESC, 1`,
        [from, to],
      );
    const [[totals], bySource, byCrimeType, declineReasons, closuresByReason] = await Promise.all([
      this.dataSource.query(
        `SELECT count(*)::int AS referrals,
                count(*) FILTER (WHERE enhanced)::int AS enhanced,
                count(*) FILTER (WHERE state->'support'->>'decision' = 'accepted')::int AS accepted,
                count(*) FILTER (WHERE state->'support'->>'decision' = 'declined')::int AS declined,
                count(*) FILTER (WHERE next_contact_due < now())::int AS overdue,
                count(*) FILTER (WHERE unable_to_contact)::int AS unable
           FROM referral_list WHERE ${period}`,
        [from, to],
      ),
      counts('source'),
      counts('crime_type_id'),
      counts("state->'support'->>'reason'", "state->'support'->>'decision' = 'declined'"),
      counts("state->'closure'->>'reason'", "state->'closure'->>'reason' IS NOT NULL"),
    ]);
    const decided = totals.accepted + totals.declined;
    return {
      period: { from, to },
      referrals: totals.referrals,
      bySource,
      byCrimeType,
      priorityGroups: { enhanced: totals.enhanced, share: ratio(totals.enhanced, totals.referrals), nationalShare: NATIONAL_PRIORITY_SHARE },
      support: { accepted: totals.accepted, declined: totals.declined, acceptanceRate: ratio(totals.accepted, decided), declineReasons },
      contactsOverdue: totals.overdue,
      unableToContact: totals.unable,
      closuresByReason,
    };
  }
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);
