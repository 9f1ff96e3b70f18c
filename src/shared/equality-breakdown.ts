import type { DataSource } from 'typeorm';
import { DEMOGRAPHIC_LISTS, type Demographics } from './domain/demographics.ts';
import { suppressSmallCells, type ReportCell } from './domain/small-cell-suppression.ts';

/** A report's main count by each characteristic: every value of its list and `not-recorded`, small cells withheld. */
export type EqualityBreakdown = Record<keyof Demographics, ReportCell[]>;

const COLUMNS: Record<keyof Demographics, string> = { gender: 'gender', ethnicity: 'ethnicity', disability: 'disability', ageBand: 'age_band' };
const NOT_RECORDED = 'not-recorded';

/**
 * Counts the rows of a case list's period (`rows`, a FROM clause with its WHERE) by each characteristic in one
 * pass. Each characteristic's cells add up to the report's total, so suppression considers them together.
 */
export async function equalityBreakdown(dataSource: DataSource, rows: string, params: unknown[]): Promise<EqualityBreakdown> {
  const fields = Object.keys(COLUMNS) as (keyof Demographics)[];
  const counted = await dataSource.query<{ field: keyof Demographics; key: string; count: number }[]>(
    fields
      .map((field) => `SELECT '${field}' AS field, coalesce(${COLUMNS[field]}, '${NOT_RECORDED}') AS key, count(*)::int AS count FROM ${rows} GROUP BY 2`)
      .join(' UNION ALL '),
    params,
  );
  const cellsOf = (field: keyof Demographics) =>
    suppressSmallCells([...DEMOGRAPHIC_LISTS[field], NOT_RECORDED].map((key) => ({ key, count: counted.find((row) => row.field === field && row.key === key)?.count ?? 0 })));
  return Object.fromEntries(fields.map((field) => [field, cellsOf(field)])) as EqualityBreakdown;
}
