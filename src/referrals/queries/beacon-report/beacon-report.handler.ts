import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { londonDate } from '../../../calendar/working-days.ts';
import type { ListName } from '../../../settings/domain/settings.events.ts';
import { SettingsService } from '../../../settings/settings.service.ts';
import { BeaconReportQuery, type BeaconReport, type Count } from './beacon-report.query.ts';

/** The national share of referred victims in a priority group, which the office compares itself with. */
const NATIONAL_PRIORITY_SHARE = 0.2;

/** Aggregates over the referral-list read model; referral dates are calendar days in England. */
@QueryHandler(BeaconReportQuery)
export class BeaconReportHandler implements IQueryHandler<BeaconReportQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: SettingsService,
  ) {}

  async execute({ from, to }: BeaconReportQuery): Promise<BeaconReport> {
    const period = `(received_at AT TIME ZONE 'Europe/London')::date BETWEEN $1::date AND $2::date`;
    const counts = (column: string, where = 'true') =>
      this.dataSource.query<Count[]>(
        `SELECT ${column} AS key, count(*)::int AS count FROM referral_list WHERE ${period} AND ${where} GROUP BY 1 ORDER BY 2 DESC, 1`,
        [from, to],
      );
    const [[totals], bySource, byCrimeType, declineReasons, closuresByReason, [updates], reportedDates, settings] = await Promise.all([
      this.dataSource.query(
        `SELECT count(*)::int AS referrals,
                count(*) FILTER (WHERE enhanced)::int AS enhanced,
                count(*) FILTER (WHERE state->'support'->>'decision' = 'accepted')::int AS accepted,
                count(*) FILTER (WHERE state->'support'->>'decision' = 'declined')::int AS declined,
                count(*) FILTER (WHERE (next_contact_due AT TIME ZONE 'Europe/London')::date < (now() AT TIME ZONE 'Europe/London')::date)::int AS overdue,
                count(*) FILTER (WHERE unable_to_contact)::int AS unable
           FROM referral_list WHERE ${period}`,
        [from, to],
      ),
      counts('source'),
      counts('crime_type_id'),
      counts("state->'support'->>'reason'", "state->'support'->>'decision' = 'declined'"),
      counts("state->'closure'->>'reason'", "state->'closure'->>'reason' IS NOT NULL"),
      this.dataSource.query(
        `SELECT count(*)::int AS learned,
                count(*) FILTER (WHERE (u->'communicated'->>'onTime')::boolean)::int AS on_time,
                count(*) FILTER (WHERE NOT (u->'communicated'->>'onTime')::boolean)::int AS late,
                count(*) FILTER (WHERE u->'communicated' = 'null'::jsonb AND state->'closure' = 'null'::jsonb
                                   AND (u->>'dueBy')::date < (now() AT TIME ZONE 'Europe/London')::date)::int AS overdue
           FROM referral_list, jsonb_array_elements(state->'cjEvents') AS u
          WHERE ((u->>'learnedAt')::timestamptz AT TIME ZONE 'Europe/London')::date BETWEEN $1::date AND $2::date`,
        [from, to],
      ),
      this.dataSource.query<{ reported: string; received: Date }[]>(
        `SELECT state->>'crimeReportedOn' AS reported, received_at AS received FROM referral_list WHERE ${period} AND state->>'crimeReportedOn' IS NOT NULL`,
        [from, to],
      ),
      this.settings.current(),
    ]);
    const { calendar } = settings;
    const labelled = (counts: Count[], list: ListName) => counts.map((count) => ({ ...count, label: settings.labelOf(list, count.key) }));
    const delays = reportedDates.map(({ reported, received }) => calendar.workingDaysBetween(reported, londonDate(received)));
    const told = updates.on_time + updates.late;
    const decided = totals.accepted + totals.declined;
    return {
      period: { from, to },
      referrals: totals.referrals,
      bySource,
      byCrimeType: labelled(byCrimeType, 'crimeTypes'),
      priorityGroups: { enhanced: totals.enhanced, share: ratio(totals.enhanced, totals.referrals), nationalShare: NATIONAL_PRIORITY_SHARE },
      support: { accepted: totals.accepted, declined: totals.declined, acceptanceRate: ratio(totals.accepted, decided), declineReasons: labelled(declineReasons, 'declineReasons') },
      crimeReportToReferral: { referrals: delays.length, medianWorkingDays: median(delays) },
      contactsOverdue: totals.overdue,
      criminalJusticeUpdates: { learned: updates.learned, toldOnTime: updates.on_time, toldLate: updates.late, owedAndOverdue: updates.overdue, onTimeRate: ratio(updates.on_time, told) },
      unableToContact: totals.unable,
      closuresByReason: labelled(closuresByReason, 'closureReasons'),
    };
  }
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
