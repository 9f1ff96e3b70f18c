import { nextDueOn } from '../../domain/due-dates.ts';
import { CONTACT_TARGET_WORKING_DAYS, OUTCOME_NOTIFICATION_WORKING_DAYS } from '../../domain/deadlines.ts';
import { addDays, lastStartOverdue, londonDate, type CalendarDate, type WorkingDayCalendar } from '../../../calendar/working-days.ts';
import { SettingsService } from '../../../settings/settings.service.ts';
import { notRestricted, seesRestrictedCases } from '../../../personal-data/restricted-cases.ts';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ComplaintListEntry } from '../../../../projections/complaints/complaint-list.entity.ts';
import { onlyCasesVisibleTo } from '../../../case-access/visible-cases.ts';
import { likeLiteral, textMatches } from '../../../database/text-search.ts';
import { decodeCursor, encodeCursor, type Page } from '../../../http/page.ts';
import { ListComplaintsQuery, type ComplaintListItem } from './list-complaints.query.ts';

/**
 * What is due first, as the projection keeps it on the calendar as it stands (the list's index holds it, after any
 * change of the calendar too); complaints that owe nothing come last.
 */
const SORT_KEY = "coalesce(c.next_due, 'infinity'::date)";
/**
 * Due before `day` on the calendar as it stands: a fixed date before it, or a working-day clock that started no later
 * than the last day from which it has run out by then. Overdue is due before today; due by a day, before the next.
 */
function dueBefore(name: string, day: CalendarDate, calendar: WorkingDayCalendar): [string, Record<string, CalendarDate>] {
  return [
    `(c.fixed_due < :${name}::date OR c.contact_due_from <= :${name}ContactFrom::date OR c.notify_due_from <= :${name}NotifyFrom::date)`,
    {
      [name]: day,
      [`${name}ContactFrom`]: lastStartOverdue(calendar, day, CONTACT_TARGET_WORKING_DAYS),
      [`${name}NotifyFrom`]: lastStartOverdue(calendar, day, OUTCOME_NOTIFICATION_WORKING_DAYS),
    },
  ];
}

/** From the complaint-list read model only. */
@QueryHandler(ListComplaintsQuery)
export class ListComplaintsHandler implements IQueryHandler<ListComplaintsQuery> {
  constructor(
    @InjectRepository(ComplaintListEntry) private readonly complaints: Repository<ComplaintListEntry>,
    private readonly settings: SettingsService,
  ) {}

  async execute({ filters, viewer }: ListComplaintsQuery): Promise<Page<ComplaintListItem>> {
    const limit = filters.limit ?? 50;
    const { calendar } = await this.settings.current();
    const today = londonDate(new Date());
    const query = this.complaints
      .createQueryBuilder('c')
      .addSelect(`${SORT_KEY}::text`, 'sort_key')
      .orderBy(SORT_KEY, 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(limit + 1);
    onlyCasesVisibleTo(query, 'c.id', viewer);
    if (!seesRestrictedCases(viewer.roles)) query.andWhere(notRestricted('c.id'));
    if (filters.status) query.andWhere('c.stage = :stage', { stage: filters.status });
    if (filters.route) query.andWhere('c.route = :route', { route: filters.route });
    if (filters.category) query.andWhere(':category = ANY(c.categories)', { category: filters.category });
    if (filters.overdue !== undefined) {
      const [overdue, parameters] = dueBefore('today', today, calendar);
      query.andWhere(filters.overdue ? overdue : `${overdue} IS NOT TRUE`, parameters);
    }
    if (filters.dueBy) query.andWhere(...dueBefore('dayAfter', addDays(filters.dueBy, 1), calendar));
    if (filters.q) query.andWhere(textMatches(['c.reference', 'c.complainant_name'], 'q'), { q: likeLiteral(filters.q) });
    const after = decodeCursor(filters.cursor, 2);
    if (after) query.andWhere(`(${SORT_KEY}, c.id) > (:sortKey::date, :id::uuid)`, { sortKey: after[0], id: after[1] });

    const { entities, raw } = await query.getRawAndEntities<{ sort_key: string }>();
    const items = entities.slice(0, limit).map((entry) => toItem(entry, calendar, today));
    const lastKey = raw[limit - 1]?.sort_key;
    return { items, nextCursor: entities.length > limit && lastKey !== undefined ? encodeCursor([lastKey, items.at(-1)!.id]) : null };
  }
}

function toItem(entry: ComplaintListEntry, calendar: WorkingDayCalendar, today: CalendarDate): ComplaintListItem {
  const nextDue = nextDueOn({ contactFrom: entry.contactDueFrom, notifyFrom: entry.notifyDueFrom, fixedDue: entry.fixedDue }, calendar);
  return {
    id: entry.id,
    reference: entry.reference,
    status: entry.stage,
    route: entry.route,
    categories: entry.categories,
    complainantName: entry.complainantName,
    nextDue,
    overdue: nextDue !== null && nextDue < today,
    receivedAt: entry.receivedAt.toISOString(),
    revision: entry.revision,
  };
}
