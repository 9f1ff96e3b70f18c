import type { DataSource, WhereExpressionBuilder } from 'typeorm';
import type { Viewer } from './domain/restricted-access.decide.ts';

/**
 * The read-model half of need to know: a list leaves out the restricted cases its viewer is not named on
 * (auditors see them all). Reports count from the same tables without it, so their totals still count them.
 */
export function onlyCasesVisibleTo<Query extends WhereExpressionBuilder>(query: Query, caseId: string, viewer: Viewer): Query {
  if (viewer.roles.includes('auditor')) return query;
  return query.andWhere(
    `NOT EXISTS (SELECT 1 FROM restricted_cases need_to_know WHERE need_to_know.id = ${caseId}
       AND NOT (:viewerSub = ANY(need_to_know.users) OR need_to_know.teams && :viewerTeams::text[]))`,
    { viewerSub: viewer.sub, viewerTeams: [...viewer.teams] },
  );
}

/** The cases among `caseIds` the viewer may see, in their order: for answers that name cases outside a list's query (a dip sample's files). */
export async function casesVisibleTo(database: DataSource, caseIds: readonly string[], viewer: Viewer): Promise<string[]> {
  if (viewer.roles.includes('auditor') || caseIds.length === 0) return [...caseIds];
  const hidden: { id: string }[] = await database.query(
    'SELECT id FROM restricted_cases WHERE id = ANY($1::uuid[]) AND NOT ($2 = ANY(users) OR teams && $3::text[])',
    [caseIds, viewer.sub, [...viewer.teams]],
  );
  const hiddenIds = new Set(hidden.map(({ id }) => id));
  return caseIds.filter((id) => !hiddenIds.has(id));
}

type WithCases = { cases: readonly { caseId: string }[] };

/** Every case the items name, once each. */
export const casesOfItems = (items: readonly WithCases[]): string[] => [...new Set(items.flatMap((item) => item.cases.map(({ caseId }) => caseId)))];

/** The items each keeping only the cases among `kept`; an item left with none is left out. */
export function onlyItemsWithCases<Item extends WithCases>(items: readonly Item[], kept: readonly string[]): Item[] {
  const keptIds = new Set(kept);
  return items
    .map((item) => ({ ...item, cases: item.cases.filter(({ caseId }) => keptIds.has(caseId)) }))
    .filter((item) => item.cases.length > 0);
}

/** The items whose cases the viewer may see, each keeping only those cases; an item left with none is left out. */
export async function onlyItemsVisibleTo<Item extends WithCases>(database: DataSource, items: readonly Item[], viewer: Viewer): Promise<Item[]> {
  return onlyItemsWithCases(items, await casesVisibleTo(database, casesOfItems(items), viewer));
}
