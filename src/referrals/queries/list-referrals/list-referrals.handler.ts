import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ReferralListEntry } from '../../../../projections/referrals/referral-list.entity.ts';
import { decodeCursor, encodeCursor, type Page } from '../../../http/page.ts';
import { ListReferralsQuery, type ReferralListItem } from './list-referrals.query.ts';

/** Newest first, from the referral-list read model only. */
@QueryHandler(ListReferralsQuery)
export class ListReferralsHandler implements IQueryHandler<ListReferralsQuery> {
  constructor(@InjectRepository(ReferralListEntry) private readonly referrals: Repository<ReferralListEntry>) {}

  async execute({ filters }: ListReferralsQuery): Promise<Page<ReferralListItem>> {
    const limit = filters.limit ?? 50;
    const query = this.referrals.createQueryBuilder('r').orderBy('r.received_at', 'DESC').addOrderBy('r.id', 'DESC').take(limit + 1);
    if (filters.status) query.andWhere('r.status = :status', { status: filters.status });
    if (filters.caseManager) query.andWhere('r.case_manager = :caseManager', { caseManager: filters.caseManager });
    if (filters.source) query.andWhere('r.source = :source', { source: filters.source });
    if (filters.enhanced !== undefined) query.andWhere('r.enhanced = :enhanced', { enhanced: filters.enhanced });
    const after = decodeCursor(filters.cursor, 2);
    if (after) query.andWhere('(r.received_at, r.id) < (:receivedAt, :id)', { receivedAt: after[0], id: after[1] });

    const entries = await query.getMany();
    const items = entries.slice(0, limit).map(toItem);
    const last = items.at(-1);
    return { items, nextCursor: entries.length > limit && last ? encodeCursor([last.receivedAt, last.id]) : null };
  }
}

function toItem(entry: ReferralListEntry): ReferralListItem {
  return {
    id: entry.id,
    status: entry.status,
    source: entry.source,
    crimeType: entry.crimeTypeId,
    caseManager: entry.caseManager,
    enhanced: entry.enhanced,
    victimName: entry.victimName,
    receivedAt: entry.receivedAt.toISOString(),
    revision: entry.revision,
  };
}
