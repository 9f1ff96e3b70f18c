import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { equalityBreakdown } from '../../../shared/equality-breakdown.ts';
import { ResolutionsReportQuery, type OffenceOutcomeCount, type RemedyTypeCount, type ResolutionsReport } from './resolutions-report.query.ts';

/** Resolutions proposed in the period (a day in England); resolution_list_report covers every column read. */
const IN_PERIOD = `proposed_day BETWEEN $1::date AND $2::date`;

/** Aggregates over resolution-list's report columns; periods are calendar days in England. */
@QueryHandler(ResolutionsReportQuery)
export class ResolutionsReportHandler implements IQueryHandler<ResolutionsReportQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ from, to }: ResolutionsReportQuery): Promise<ResolutionsReport> {
    const query = <Row>(sql: string) => this.dataSource.query<Row[]>(sql, [from, to]);
    const [byOffenceTypeAndOutcome, byType, [totals], equality] = await Promise.all([
      query<OffenceOutcomeCount>(
        `SELECT offence_type_id AS "offenceType", coalesce(outcome, 'open') AS outcome, count(*)::int AS count
           FROM resolution_list WHERE ${IN_PERIOD} GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`,
      ),
      query<RemedyTypeCount>(
        `SELECT remedy.type, count(*)::int AS agreed,
                count(*) FILTER (WHERE remedy.chosen)::int AS "chosenByVictim",
                count(*) FILTER (WHERE remedy.status = 'completed')::int AS completed,
                count(*) FILTER (WHERE remedy.status = 'failed')::int AS failed
           FROM resolution_list CROSS JOIN LATERAL unnest(remedy_types, remedy_chosen, remedy_statuses) AS remedy(type, chosen, status)
          WHERE ${IN_PERIOD} GROUP BY 1 ORDER BY 2 DESC, 1`,
      ),
      query<{ resolutions: number; withVictims: number; consulted: number; agreed: number; chosen: number; overridden: number; hoursAgreed: number; hoursDone: number; amountAgreed: number; amountPaid: number }>(
        `SELECT count(*)::int AS resolutions,
                count(*) FILTER (WHERE has_victims)::int AS "withVictims",
                count(*) FILTER (WHERE victims_consulted)::int AS consulted,
                coalesce(sum(cardinality(remedy_types)), 0)::int AS agreed,
                coalesce(sum(cardinality(array_positions(remedy_chosen, true))), 0)::int AS chosen,
                coalesce(sum(remedies_overridden), 0)::int AS overridden,
                coalesce(sum(hours_agreed), 0)::float AS "hoursAgreed",
                coalesce(sum(hours_done), 0)::float AS "hoursDone",
                coalesce(sum(amount_agreed), 0)::float AS "amountAgreed",
                coalesce(sum(amount_paid), 0)::float AS "amountPaid"
           FROM resolution_list WHERE ${IN_PERIOD}`,
      ),
      equalityBreakdown(this.dataSource, `resolution_list WHERE ${IN_PERIOD}`, [from, to]),
    ]);
    const outcomeCount = (outcome: OffenceOutcomeCount['outcome']) => byOffenceTypeAndOutcome.filter((row) => row.outcome === outcome).reduce((sum, row) => sum + row.count, 0);
    const outcomes = { complied: outcomeCount('complied'), notComplied: outcomeCount('not-complied'), notApproved: outcomeCount('not-approved'), open: outcomeCount('open') };
    return {
      period: { from, to },
      resolutions: totals!.resolutions,
      byOffenceTypeAndOutcome,
      outcomes,
      complianceRate: ratio(outcomes.complied, outcomes.complied + outcomes.notComplied),
      remedies: {
        agreed: totals!.agreed,
        chosenByVictim: totals!.chosen,
        notChosenByVictim: totals!.agreed - totals!.chosen,
        victimChoiceOverridden: totals!.overridden,
        byType,
      },
      communityWork: { hoursAgreed: totals!.hoursAgreed, hoursDone: totals!.hoursDone },
      compensation: { agreed: totals!.amountAgreed, paid: totals!.amountPaid },
      victims: { resolutionsWithVictims: totals!.withVictims, withVictimConsulted: totals!.consulted, shareWithVictimConsulted: ratio(totals!.consulted, totals!.withVictims) },
      equality,
    };
  }
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);
