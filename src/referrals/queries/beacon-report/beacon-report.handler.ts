import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { londonDate } from '../../../calendar/working-days.ts';
import type { ListName } from '../../../settings/domain/settings.events.ts';
import { SettingsService } from '../../../settings/settings.service.ts';
import { lastDayLearnedOverdue } from '../../domain/update-clock.ts';
import { POLICE_REFERRAL_WORKING_DAYS } from '../../domain/police-referral-delay.ts';
import { equalityBreakdown } from '../../../shared/equality-breakdown.ts';
import { BeaconReportQuery, type BeaconReport, type Count } from './beacon-report.query.ts';

/** The national share of referred victims in a priority group, which the office compares itself with. */
const NATIONAL_PRIORITY_SHARE = 0.2;

/** An update runs on the clock of the latest assessment, before one on that it was learned under (update-clock.ts). */
const UPDATE_ENTITLED = "coalesce((r.state->'assessment'->>'enhanced')::boolean, u.enhanced_when_learned)";

/** Aggregates over the referral-list and cj-updates read models; referral dates are calendar days in England. */
@QueryHandler(BeaconReportQuery)
export class BeaconReportHandler implements IQueryHandler<BeaconReportQuery> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: SettingsService,
  ) {}

  async execute({ from, to }: BeaconReportQuery): Promise<BeaconReport> {
    // The two referral queries read only the received-day index, which carries every column they need (an index-only scan).
    const inPeriod = `(received_at AT TIME ZONE 'Europe/London')::date BETWEEN $1::date AND $2::date`;
    const settings = await this.settings.current();
    const today = londonDate(new Date());
    const lastLearnedOverdue = [lastDayLearnedOverdue(settings.calendar, today, true), lastDayLearnedOverdue(settings.calendar, today, false)];
    const [[totals], counts, [updates], serviceOutcomes, equality] = await Promise.all([
      this.dataSource.query(
        `SELECT count(*)::int AS referrals,
                count(*) FILTER (WHERE enhanced)::int AS enhanced,
                count(*) FILTER (WHERE support_decision = 'accepted')::int AS accepted,
                count(*) FILTER (WHERE support_decision = 'declined')::int AS declined,
                count(report_to_referral_working_days)::int AS reported,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY report_to_referral_working_days) AS median_from_report,
                count(report_to_referral_working_days) FILTER (WHERE source = 'police')::int AS police_reported,
                count(*) FILTER (WHERE source = 'police' AND report_to_referral_working_days > ${POLICE_REFERRAL_WORKING_DAYS})::int AS police_delayed,
                count(*) FILTER (WHERE (next_contact_due AT TIME ZONE 'Europe/London')::date < (now() AT TIME ZONE 'Europe/London')::date)::int AS overdue,
                count(*) FILTER (WHERE unable_to_contact)::int AS unable,
                count(*) FILTER (WHERE personal_statement IS NOT NULL)::int AS statements_offered,
                count(*) FILTER (WHERE personal_statement_made)::int AS statements_made,
                count(*) FILTER (WHERE restorative_justice IS NOT NULL)::int AS rj_informed,
                count(*) FILTER (WHERE restorative_justice = 'interested')::int AS rj_interested
           FROM referral_list WHERE ${inPeriod}`,
        [from, to],
      ),
      // Every breakdown in one pass; a group's key is null where the referral has no value for it.
      this.dataSource.query<(Count & { dimension: Dimension })[]>(
        `SELECT CASE WHEN grouping(source) = 0 THEN 'source' WHEN grouping(crime_type_id) = 0 THEN 'crimeType'
                     WHEN grouping(decline_reason) = 0 THEN 'declineReason' WHEN grouping(risk_level) = 0 THEN 'riskLevel' ELSE 'closureReason' END AS dimension,
                coalesce(source, crime_type_id, decline_reason, risk_level, closure_reason) AS key, count(*)::int AS count
           FROM (SELECT source, crime_type_id, closure_reason, risk_level, CASE WHEN support_decision = 'declined' THEN decline_reason END AS decline_reason
                   FROM referral_list WHERE ${inPeriod}) referral
          GROUP BY GROUPING SETS ((source), (crime_type_id), (decline_reason), (risk_level), (closure_reason))
          ORDER BY 1, 3 DESC, 2`,
        [from, to],
      ),
      // Developments learned in the period, whenever their referral arrived.
      this.dataSource.query(
        `SELECT count(*)::int AS learned,
                count(*) FILTER (WHERE u.on_time)::int AS on_time,
                count(*) FILTER (WHERE NOT u.on_time)::int AS late,
                count(*) FILTER (WHERE u.told_on IS NULL AND r.status <> 'closed' AND u.learned_on <= CASE WHEN ${UPDATE_ENTITLED} THEN $3::date ELSE $4::date END)::int AS overdue
           FROM cj_updates u JOIN referral_list r ON r.id = u.referral_id
          WHERE u.learned_on BETWEEN $1::date AND $2::date`,
        [from, to, ...lastLearnedOverdue],
      ),
      // Service referrals of the period's referrals, by what became of them.
      this.dataSource.query<Count[]>(
        `SELECT outcome AS key, count(*)::int AS count FROM referral_list, unnest(service_referral_outcomes) AS outcome
          WHERE ${inPeriod} GROUP BY outcome ORDER BY 2 DESC, 1`,
        [from, to],
      ),
      equalityBreakdown(this.dataSource, `referral_list WHERE ${inPeriod}`, [from, to]),
    ]);
    const countsBy = (dimension: Dimension) => counts.filter((count) => count.dimension === dimension && count.key !== null).map(({ key, count }) => ({ key, count }));
    const labelled = (dimension: Dimension, list: ListName) => countsBy(dimension).map((count) => ({ ...count, label: settings.labelOf(list, count.key) }));
    const told = updates.on_time + updates.late;
    const decided = totals.accepted + totals.declined;
    return {
      period: { from, to },
      referrals: totals.referrals,
      bySource: countsBy('source'),
      byCrimeType: labelled('crimeType', 'crimeTypes'),
      priorityGroups: { enhanced: totals.enhanced, share: ratio(totals.enhanced, totals.referrals), nationalShare: NATIONAL_PRIORITY_SHARE },
      support: { accepted: totals.accepted, declined: totals.declined, acceptanceRate: ratio(totals.accepted, decided), declineReasons: labelled('declineReason', 'declineReasons') },
      crimeReportToReferral: { referrals: totals.reported, medianWorkingDays: totals.median_from_report },
      policeReferralDelay: { referrals: totals.police_reported, delayed: totals.police_delayed, delayedShare: ratio(totals.police_delayed, totals.police_reported) },
      contactsOverdue: totals.overdue,
      criminalJusticeUpdates: { learned: updates.learned, toldOnTime: updates.on_time, toldLate: updates.late, owedAndOverdue: updates.overdue, onTimeRate: ratio(updates.on_time, told), communicatedInTimeShare: ratio(updates.on_time, updates.learned) },
      unableToContact: totals.unable,
      riskLevels: countsBy('riskLevel'),
      serviceReferrals: { made: serviceOutcomes.reduce((sum, { count }) => sum + count, 0), byOutcome: serviceOutcomes },
      personalStatements: { offered: totals.statements_offered, made: totals.statements_made },
      restorativeJustice: { informed: totals.rj_informed, interested: totals.rj_interested },
      closuresByReason: labelled('closureReason', 'closureReasons'),
      equality,
    };
  }
}

type Dimension = 'source' | 'crimeType' | 'declineReason' | 'riskLevel' | 'closureReason';

const ratio = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

