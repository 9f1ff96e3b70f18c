import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { ReferralListEntry } from '../../../../projections/referrals/referral-list.entity.ts';
import { CaseTimeline } from '../../../../projections/timeline/case-timeline.ts';
import { SettingsService } from '../../../settings/settings.service.ts';
import { referralStream } from '../../referral-stream.ts';
import { GetReferralQuery } from './get-referral.query.ts';
import { toReferralView, type ReferralView } from './referral.view.ts';

/** From the read models only: the journey folded by the projector, and its timeline. */
@QueryHandler(GetReferralQuery)
export class GetReferralHandler implements IQueryHandler<GetReferralQuery> {
  constructor(
    @InjectRepository(ReferralListEntry) private readonly referrals: Repository<ReferralListEntry>,
    private readonly timeline: CaseTimeline,
    private readonly settings: SettingsService,
  ) {}

  async execute({ referralId }: GetReferralQuery): Promise<ReferralView | undefined> {
    const found = await this.timeline.caseWithEntries<ReferralListEntry['state']>(this.referrals.metadata.tableName, referralId, referralStream(referralId));
    if (!found) return undefined;
    return toReferralView(found.state, found.revision, found.timeline, await this.settings.current(), new Date());
  }
}
