import type { DataSource } from 'typeorm';
import { rangeOf } from './instant.ts';
import { decodeCursor, encodeCursor, type Page } from './page.ts';

/** A log-like list's filters: each a clause on a numbered parameter, plus the period and the page. */
export interface NewestFirstQuery {
  /** Clauses given their parameter's placeholder, for the filters the request set. */
  clauses: readonly { clause: (placeholder: string) => string; value: unknown }[];
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

/**
 * One page of a table read newest first by an instant column and then by id (the access log, the disposal
 * certificates), keyset-paged on that pair.
 */
export async function newestFirst<Row extends Record<string, any>, Item>(
  database: DataSource,
  table: { select: string; instant: string; id: string },
  query: NewestFirstQuery,
  toItem: (row: Row) => Item,
  keyOf: (item: Item) => [instant: string, id: string],
): Promise<Page<Item>> {
  const limit = query.limit ?? 50;
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  for (const { clause, value } of query.clauses) add(clause, value);
  const { from, to } = rangeOf(query.from, query.to);
  if (from) add((p) => `${table.instant} >= ${p}`, from);
  if (to) add((p) => `${table.instant} < ${p}`, to);
  const after = decodeCursor(query.cursor, 2);
  if (after) {
    params.push(after[0], after[1]);
    where.push(`(${table.instant}, ${table.id}) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  params.push(limit + 1);
  const rows: Row[] = await database.query(
    `${table.select} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${table.instant} DESC, ${table.id} DESC LIMIT $${params.length}`,
    params,
  );
  const items = rows.slice(0, limit).map(toItem);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
