import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ComplaintListEntry } from '../../../../projections/complaints/complaint-list.entity.ts';
import { likeLiteral, textMatches } from '../../../database/text-search.ts';
import { decodeCursor, encodeCursor, type Page } from '../../../http/page.ts';
import { ListComplaintsQuery, type ComplaintListItem } from './list-complaints.query.ts';

/** What is due first; complaints that owe nothing come last. */
const SORT_KEY = "coalesce(c.next_due, 'infinity'::date)";
/** Due dates are days in England: overdue once that day has passed there. */
const TODAY = "(now() AT TIME ZONE 'Europe/London')::date";

/** From the complaint-list read model only. */
@QueryHandler(ListComplaintsQuery)
export class ListComplaintsHandler implements IQueryHandler<ListComplaintsQuery> {
  constructor(@InjectRepository(ComplaintListEntry) private readonly complaints: Repository<ComplaintListEntry>) {}

  async execute({ filters }: ListComplaintsQuery): Promise<Page<ComplaintListItem>> {
    const limit = filters.limit ?? 50;
    const query = this.complaints
      .createQueryBuilder('c')
      .addSelect(`${SORT_KEY}::text`, 'sort_key')
      .addSelect('c.next_due::text', 'next_due_text')
      .addSelect(`(c.next_due < ${TODAY})`, 'is_overdue')
      .orderBy(SORT_KEY, 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(limit + 1);
    if (filters.status) query.andWhere('c.stage = :stage', { stage: filters.status });
    if (filters.route) query.andWhere('c.route = :route', { route: filters.route });
    if (filters.category) query.andWhere(':category = ANY(c.categories)', { category: filters.category });
    // On the sort key (nothing due sorts last), so the list's own index finds them in order.
    if (filters.overdue !== undefined) query.andWhere(`${SORT_KEY} ${filters.overdue ? '<' : '>='} ${TODAY}`);
    if (filters.dueBy) query.andWhere(`${SORT_KEY} <= :dueBy::date`, { dueBy: filters.dueBy });
    if (filters.q) query.andWhere(textMatches(['c.reference', 'c.complainant_name'], 'q'), { q: likeLiteral(filters.q) });
    const after = decodeCursor(filters.cursor, 2);
    if (after) query.andWhere(`(${SORT_KEY}, c.id) > (:sortKey::date, :id::uuid)`, { sortKey: after[0], id: after[1] });

    const { entities, raw } = await query.getRawAndEntities<{ sort_key: string; next_due_text: string | null; is_overdue: boolean | null }>();
    const items = entities.slice(0, limit).map((entry, index) => toItem(entry, raw[index]!));
    const lastKey = raw[limit - 1]?.sort_key;
    return { items, nextCursor: entities.length > limit && lastKey !== undefined ? encodeCursor([lastKey, items.at(-1)!.id]) : null };
  }
}

function toItem(entry: ComplaintListEntry, raw: { next_due_text: string | null; is_overdue: boolean | null }): ComplaintListItem {
  return {
    id: entry.id,
    reference: entry.reference,
    status: entry.stage,
    route: entry.route,
    categories: entry.categories,
    complainantName: entry.complainantName,
    nextDue: raw.next_due_text,
    overdue: raw.is_overdue === true,
    receivedAt: entry.receivedAt.toISOString(),
    revision: entry.revision,
  };
}
