import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { ResolutionsReportQuery, type OffenceOutcomeCount, type RemedyTypeCount, type ResolutionsReport } from './resolutions-report.query.ts';

const IN_PERIOD = `(proposed_at AT TIME ZONE 'Europe/London')::date BETWEEN $1::date AND $2::date`;
/** One row per remedy of a resolution in the period, from the folded state. */
const REMEDIES = `resolution_list, jsonb_array_elements(state->'remedies') AS remedy WHERE ${IN_PERIOD}`;

/** Aggregates over the resolution-list read model; periods are calendar days in England. */
@QueryHandler(ResolutionsReportQuery)
export class ResolutionsReportHandler implements IQueryHandler<ResolutionsReportQuery> {
  constructor(private readonly dataSource: DataSource) {}

  async execute({ from, to }: ResolutionsReportQuery): Promise<ResolutionsReport> {
    const query = <Row>(sql: string) => this.dataSource.query<Row[]>(sql, [from, to]);
    const [byOffenceTypeAndOutcome, byType, [remedyTotals], [victims]] = await Promise.all([
      query<OffenceOutcomeCount>(
        `SELECT offence_type_id AS "offenceType", coalesce(outcome, 'open') AS outcome, count(*)::int AS count
           FROM resolution_list WHERE ${IN_PERIOD} GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`,
      ),
      query<RemedyTypeCount>(
        `SELECT remedy->>'remedyType' AS type, count(*)::int AS agreed,
                count(*) FILTER (WHERE (remedy->>'chosenByVictim')::boolean)::int AS "chosenByVictim",
                count(*) FILTER (WHERE remedy->>'status' = 'completed')::int AS completed,
                count(*) FILTER (WHERE remedy->>'status' = 'failed')::int AS failed
           FROM ${REMEDIES} GROUP BY 1 ORDER BY 2 DESC, 1`,
      ),
      query<{ agreed: number; chosen: number; overridden: number; hoursAgreed: number; hoursDone: number; amountAgreed: number; amountPaid: number }>(
        `SELECT count(*)::int AS agreed,
                count(*) FILTER (WHERE (remedy->>'chosenByVictim')::boolean)::int AS chosen,
                count(*) FILTER (WHERE remedy->>'overrideReason' IS NOT NULL)::int AS overridden,
                coalesce(sum((remedy->>'hours')::numeric), 0)::float AS "hoursAgreed",
                coalesce(sum((remedy->>'hoursDone')::numeric), 0)::float AS "hoursDone",
                coalesce(sum((remedy->>'amount')::bigint), 0)::float AS "amountAgreed",
                coalesce(sum((remedy->>'amountPaid')::bigint), 0)::float AS "amountPaid"
           FROM ${REMEDIES}`,
      ),
      query<{ resolutions: number; withVictims: number; consulted: number }>(
        `SELECT count(*)::int AS resolutions,
                count(*) FILTER (WHERE jsonb_array_length(state->'victims') > 0)::int AS "withVictims",
                count(*) FILTER (WHERE jsonb_array_length(state->'victims') > 0
                                   AND NOT jsonb_path_exists(state, '$.victims[*] ? (@.consulted == false)'))::int AS consulted
           FROM resolution_list WHERE ${IN_PERIOD}`,
      ),
    ]);
    const outcomeCount = (outcome: OffenceOutcomeCount['outcome']) => byOffenceTypeAndOutcome.filter((row) => row.outcome === outcome).reduce((sum, row) => sum + row.count, 0);
    const outcomes = { complied: outcomeCount('complied'), notComplied: outcomeCount('not-complied'), open: outcomeCount('open') };
    return {
      period: { from, to },
      resolutions: victims!.resolutions,
      byOffenceTypeAndOutcome,
      outcomes,
      complianceRate: ratio(outcomes.complied, outcomes.complied + outcomes.notComplied),
      remedies: {
        agreed: remedyTotals!.agreed,
        chosenByVictim: remedyTotals!.chosen,
        notChosenByVictim: remedyTotals!.agreed - remedyTotals!.chosen,
        victimChoiceOverridden: remedyTotals!.overridden,
        byType,
      },
      communityWork: { hoursAgreed: remedyTotals!.hoursAgreed, hoursDone: remedyTotals!.hoursDone },
      compensation: { agreed: remedyTotals!.amountAgreed, paid: remedyTotals!.amountPaid },
      victims: { resolutionsWithVictims: victims!.withVictims, withVictimConsulted: victims!.consulted, shareWithVictimConsulted: ratio(victims!.consulted, victims!.withVictims) },
    };
  }
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);
