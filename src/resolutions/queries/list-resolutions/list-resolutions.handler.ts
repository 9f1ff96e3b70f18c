import { notRestricted, seesRestrictedCases } from '../../../personal-data/restricted-cases.ts';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ResolutionListEntry } from '../../../../projections/resolutions/resolution-list.entity.ts';
import { londonDate } from '../../../calendar/working-days.ts';
import { likeLiteral, textMatches } from '../../../database/text-search.ts';
import { decodeCursor, encodeCursor, type Page } from '../../../http/page.ts';
import { ListResolutionsQuery, type ResolutionListItem } from './list-resolutions.query.ts';
import { onlyCasesVisibleTo } from '../../../case-access/visible-cases.ts';

/** Due dates are days in England: overdue once the day after the due date has begun there. */
const TODAY_IN_ENGLAND = "(now() AT TIME ZONE 'Europe/London')::date";

/** From the resolution-list read model only, newest first. */
@QueryHandler(ListResolutionsQuery)
export class ListResolutionsHandler implements IQueryHandler<ListResolutionsQuery> {
  constructor(@InjectRepository(ResolutionListEntry) private readonly resolutions: Repository<ResolutionListEntry>) {}

  async execute({ filters, viewer }: ListResolutionsQuery): Promise<Page<ResolutionListItem>> {
    const limit = filters.limit ?? 50;
    const query = this.resolutions
      .createQueryBuilder('r')
      .addSelect('r.proposed_at::text', 'sort_key')
      .orderBy('r.proposed_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(limit + 1);
    onlyCasesVisibleTo(query, 'r.id', viewer);
    if (!seesRestrictedCases(viewer.roles)) query.andWhere(notRestricted('r.id'));
    if (filters.status) query.andWhere('r.status = :status', { status: filters.status });
    if (filters.outcome) query.andWhere('r.outcome = :outcome', { outcome: filters.outcome });
    if (filters.offenceType) query.andWhere('r.offence_type_id = :offenceType', { offenceType: filters.offenceType });
    if (filters.q) query.andWhere(textMatches(['r.crime_reference', 'r.offender_name'], 'q'), { q: likeLiteral(filters.q) });
    if (filters.overdue !== undefined) query.andWhere(`(r.next_remedy_due < ${TODAY_IN_ENGLAND}) IS ${filters.overdue ? 'TRUE' : 'NOT TRUE'}`);
    if (filters.dueBy) query.andWhere('r.next_remedy_due <= :dueBy::date', { dueBy: filters.dueBy });
    const after = decodeCursor(filters.cursor, 2);
    if (after) query.andWhere('(r.proposed_at, r.id) < (:sortKey::timestamptz, :id)', { sortKey: after[0], id: after[1] });

    const { entities, raw } = await query.getRawAndEntities<{ sort_key: string }>();
    const today = londonDate(new Date());
    const items = entities.slice(0, limit).map((entry) => toItem(entry, today));
    const lastKey = raw[limit - 1]?.sort_key;
    return { items, nextCursor: entities.length > limit && lastKey !== undefined ? encodeCursor([lastKey, items.at(-1)!.id]) : null };
  }
}

function toItem(entry: ResolutionListEntry, today: string): ResolutionListItem {
  return {
    id: entry.id,
    status: entry.status,
    outcome: entry.outcome,
    offenceType: entry.offenceTypeId,
    crimeReference: entry.crimeReference,
    offenderName: entry.offenderName,
    openRemedies: entry.openRemedies,
    nextRemedyDue: entry.nextRemedyDue,
    overdue: entry.nextRemedyDue !== null && entry.nextRemedyDue < today,
    proposedAt: entry.proposedAt.toISOString(),
    closedAt: entry.closedAt?.toISOString() ?? null,
    revision: entry.revision,
  };
}
