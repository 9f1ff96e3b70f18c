import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ReferralListEntry } from '../../../../projections/referrals/referral-list.entity.ts';
import { londonDate, type CalendarDate } from '../../../calendar/working-days.ts';
import { likeLiteral, searchFirstKey, textMatches } from '../../../database/text-search.ts';
import { decodeCursor, encodeCursor, type Page } from '../../../http/page.ts';
import { ListReferralsQuery, type ReferralListItem } from './list-referrals.query.ts';

/** An update is due by the end of its day in England, and so is a contact. */
const UPDATE_DEADLINE = "((r.next_update_due + 1)::timestamp AT TIME ZONE 'Europe/London')";
/** Implied by being overdue; said outright so the planner can use the partial index of the referrals that owe something. */
const OWES_SOMETHING = '(r.next_contact_due IS NOT NULL OR r.next_update_due IS NOT NULL)';
const CONTACT_OVERDUE = "((r.next_contact_due AT TIME ZONE 'Europe/London')::date < (now() AT TIME ZONE 'Europe/London')::date)";

/** Sort keys: newest first, or for a caseload what is due first, contact or update (nothing due last). */
const ORDERS = {
  newest: { key: 'r.received_at', direction: 'DESC', compare: '<' },
  due: { key: `least(coalesce(r.next_contact_due, 'infinity'), coalesce(${UPDATE_DEADLINE}, 'infinity'))`, direction: 'ASC', compare: '>' },
} as const;

/** From the referral-list read model only. */
@QueryHandler(ListReferralsQuery)
export class ListReferralsHandler implements IQueryHandler<ListReferralsQuery> {
  constructor(@InjectRepository(ReferralListEntry) private readonly referrals: Repository<ReferralListEntry>) {}

  async execute({ filters, order }: ListReferralsQuery): Promise<Page<ReferralListItem>> {
    const limit = filters.limit ?? 50;
    const { direction, compare } = ORDERS[order];
    const key = searchFirstKey(ORDERS[order].key, filters.q);
    const query = this.referrals
      .createQueryBuilder('r')
      .addSelect(`${key}::text`, 'sort_key')
      .orderBy(key, direction)
      .addOrderBy('r.id', direction)
      .limit(limit + 1);
    if (filters.status) query.andWhere('r.status = :status', { status: filters.status });
    if (filters.caseManager) query.andWhere('r.case_manager = :caseManager', { caseManager: filters.caseManager });
    if (filters.source) query.andWhere('r.source = :source', { source: filters.source });
    if (filters.enhanced !== undefined) query.andWhere('r.enhanced = :enhanced', { enhanced: filters.enhanced });
    if (filters.q) query.andWhere(textMatches(['r.victim_name'], 'q'), { q: likeLiteral(filters.q) });
    if (filters.overdue === true) query.andWhere(`(${CONTACT_OVERDUE} OR ${UPDATE_DEADLINE} <= now())`);
    // A caseload has an index of its own in this order; across caseloads, that of the referrals that owe something.
    if (filters.overdue === true && !filters.caseManager) query.andWhere(OWES_SOMETHING);
    if (filters.overdue === false) query.andWhere(`(${CONTACT_OVERDUE} OR ${UPDATE_DEADLINE} <= now()) IS NOT TRUE`);
    const after = decodeCursor(filters.cursor, 2);
    if (after) query.andWhere(`(${key}, r.id) ${compare} (:sortKey, :id)`, { sortKey: after[0], id: after[1] });

    const { entities, raw } = await query.getRawAndEntities<{ sort_key: string }>();
    const today = londonDate(new Date());
    const items = entities.slice(0, limit).map((entry) => toItem(entry, today));
    const lastKey = raw[limit - 1]?.sort_key;
    return { items, nextCursor: entities.length > limit && lastKey !== undefined ? encodeCursor([lastKey, items.at(-1)!.id]) : null };
  }
}

function toItem(entry: ReferralListEntry, today: CalendarDate): ReferralListItem {
  return {
    id: entry.id,
    status: entry.status,
    source: entry.source,
    crimeType: entry.crimeTypeId,
    caseManager: entry.caseManager,
    enhanced: entry.enhanced,
    nextContactDue: entry.nextContactDue?.toISOString() ?? null,
    contactOverdue: entry.nextContactDue !== null && londonDate(entry.nextContactDue) < today,
    nextUpdateDue: entry.nextUpdateDue,
    updateOverdue: entry.nextUpdateDue !== null && entry.nextUpdateDue < today,
    unableToContact: entry.unableToContact,
    victimName: entry.victimName,
    receivedAt: entry.receivedAt.toISOString(),
    revision: entry.revision,
  };
}
